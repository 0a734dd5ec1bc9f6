# covers: an exception raised by a job on a worker propagates out of the awaiting task and ends the run, with the job's frames in the traceback
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def fetch_config(path):
    time.sleep(1)
    print(f"reading {path}")
    raise FileNotFoundError(f"no such file: {path!r}")


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        config = await loop.run_in_executor(pool, fetch_config, "app.toml")
    print("not reached", config)


asyncio.run(main())
