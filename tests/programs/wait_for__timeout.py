# covers: asyncio.wait_for timing out with TimeoutError and asyncio.TimeoutError, the timed-out coroutine's cleanup in finally printing, str/repr of the TimeoutError
import asyncio


async def slow_query(name):
    print(name, "started")
    try:
        await asyncio.sleep(5)
        return "rows"
    finally:
        print(name, "cleanup in finally")


async def main():
    try:
        await asyncio.wait_for(slow_query("q1"), timeout=1)
    except TimeoutError as e:
        print("TimeoutError caught:", repr(e), repr(str(e)))
    try:
        await asyncio.wait_for(slow_query("q2"), timeout=0.5)
    except asyncio.TimeoutError:
        print("asyncio.TimeoutError caught too")
    print("same class:", asyncio.TimeoutError is TimeoutError)
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
