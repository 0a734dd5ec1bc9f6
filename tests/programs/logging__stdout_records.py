# Workers log through a named logger; basicConfig sends the records to
# stdout, INFO and above, as "LEVEL   name: message".
import asyncio
import logging
import sys

logging.basicConfig(
    level=logging.INFO,
    format="%(levelname)-7s %(name)s: %(message)s",
    stream=sys.stdout,
)
log = logging.getLogger("fetcher")


async def fetch(name, seconds):
    log.debug("starting %s", name)
    await asyncio.sleep(seconds)
    log.info("%s done after %.1f s", name, seconds)
    return len(name)


async def main():
    sizes = await asyncio.gather(fetch("alpha", 1.5), fetch("beta", 0.5))
    total = sum(sizes)
    if total > 8:
        log.warning("total %d is over {%d}%%", total, 8)
    logging.error("root logger: %r", "done")
    print("sizes", sizes)


asyncio.run(main())
