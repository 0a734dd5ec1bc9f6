# limit: a job that sleeps forever on a worker passes the run's virtual time
import asyncio
import time


def forever():
    while True:
        time.sleep(1)


async def main():
    await asyncio.to_thread(forever)


asyncio.run(main())
