# covers: asyncio.wait_for whose timeout equals the work's duration (the timeout timer is created first, so it wins), wait_for in a loop
import asyncio


async def work(seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"  work({seconds}) completed")
        return seconds
    except asyncio.CancelledError:
        print(f"  work({seconds}) cancelled")
        raise


async def main():
    for seconds in [0.5, 1, 1.5]:
        try:
            value = await asyncio.wait_for(work(seconds), timeout=1)
            print("result", value)
        except asyncio.TimeoutError:
            print("timeout for", seconds)


asyncio.run(main())
