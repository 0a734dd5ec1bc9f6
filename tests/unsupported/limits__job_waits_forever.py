# limit: an executor's job waiting for a concurrent.futures.Future nobody settles (a real worker thread hangs forever; the virtual-clock harness reports a deadlock)
import asyncio
import concurrent.futures


def job(future):
    print("job waits forever")
    return future.result()


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, job, concurrent.futures.Future()))


asyncio.run(main())
