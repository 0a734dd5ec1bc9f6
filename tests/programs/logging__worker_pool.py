# A logging worker pool: basicConfig with a format of the common fields,
# asctime on the virtual clock, to stdout so the transcript holds it.
import asyncio
import logging
import sys

logging.basicConfig(
    level=logging.DEBUG,
    format="%(asctime)s %(levelname)-8s %(name)s [%(funcName)s:%(lineno)d] %(message)s",
    stream=sys.stdout,
)
log = logging.getLogger("pool")


async def worker(n, queue):
    while True:
        job = await queue.get()
        log.debug("worker %d took %r", n, job)
        await asyncio.sleep(job * 0.25)
        if job == 3:
            log.warning("job %d was slow", job)
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in [1, 3, 2, 1]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(n, queue)) for n in range(2)]
    await queue.join()
    log.info("all jobs done")
    for w in workers:
        w.cancel()
    logging.info("root logs with its own name")


asyncio.run(main())
log.critical("after the loop: the clock reads 0 again")
