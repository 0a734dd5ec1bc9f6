# covers: retry loop with exponential backoff, custom exception, while/else-free retry with for/else, f-string formatting of delays, time.perf_counter
import asyncio
import time


class TransientError(Exception):
    def __init__(self, attempt):
        super().__init__(f"attempt {attempt} failed")
        self.attempt = attempt


async def flaky_fetch(attempt, succeed_on):
    await asyncio.sleep(0.2)
    if attempt < succeed_on:
        raise TransientError(attempt)
    return f"payload after {attempt} attempts"


async def fetch_with_retry(name, succeed_on, retries=4, base_delay=0.5):
    t0 = time.perf_counter()
    for attempt in range(1, retries + 1):
        try:
            result = await flaky_fetch(attempt, succeed_on)
        except TransientError as e:
            delay = base_delay * 2 ** (attempt - 1)
            print(f"{name}: {e}; retrying in {delay:.2f}s")
            await asyncio.sleep(delay)
        else:
            print(f"{name}: {result} ({time.perf_counter() - t0:.1f}s)")
            return result
    else:
        print(f"{name}: giving up after {retries} attempts")
        return None


async def main():
    results = await asyncio.gather(
        fetch_with_retry("api", 3),
        fetch_with_retry("cdn", 1),
        fetch_with_retry("legacy", 9, retries=3),
    )
    print(results)


asyncio.run(main())
