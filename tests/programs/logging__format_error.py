# covers: a log call whose %-arguments do not match its message prints CPython's "--- Logging error ---" block on stderr and the program goes on
import asyncio
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("app")


async def worker(n):
    await asyncio.sleep(1)
    log.info("worker %d of %d", n)
    log.warning("done %s", n, "extra")
    return n


async def main():
    log.info("start")
    r = await worker(3)
    log.info("got %d", r)


asyncio.run(main())
print("finished")
logging.warning("%d items", "three")
print("still running")
