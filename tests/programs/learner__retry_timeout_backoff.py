# covers: a retry loop with a per-try asyncio.wait_for timeout and exponential backoff, except TimeoutError, f-string format specs, raise after the last try
import asyncio

ATTEMPT_TIMES = [3.0, 2.5, 0.4, 0.2]


async def fetch(attempt):
    duration = ATTEMPT_TIMES[attempt]
    print(f"  try {attempt + 1}: the server takes {duration:.1f}s")
    await asyncio.sleep(duration)
    return f"data from try {attempt + 1}"


async def fetch_with_retry(max_tries=4, timeout=1.0, base_delay=0.5):
    loop = asyncio.get_running_loop()
    for attempt in range(max_tries):
        try:
            return await asyncio.wait_for(fetch(attempt), timeout=timeout)
        except asyncio.TimeoutError:
            delay = base_delay * 2**attempt
            print(f"  try {attempt + 1} timed out at {loop.time():.2f}s; waiting {delay:.2f}s")
            await asyncio.sleep(delay)
    raise RuntimeError(f"gave up after {max_tries} tries")


async def main():
    result = await fetch_with_retry()
    print("got:", result)
    try:
        await fetch_with_retry(max_tries=2, timeout=0.5)
    except RuntimeError as e:
        print("error:", e)


asyncio.run(main())
