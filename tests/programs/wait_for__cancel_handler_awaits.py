# covers: asyncio.wait_for timeout where the cancelled coroutine's except CancelledError awaits a rollback then re-raises, with a finally after (one that awaits too, around a value); a value returned in time; a cancellation arriving in the finally
import asyncio


async def fetch(name, seconds):
    loop = asyncio.get_running_loop()
    try:
        print(name, "fetching at", loop.time())
        await asyncio.sleep(seconds)
        print(name, "fetched")
        return name.upper()
    except asyncio.CancelledError:
        print(name, "cancelled at", loop.time())
        await asyncio.sleep(0.5)
        print(name, "rolled back at", loop.time())
        raise
    finally:
        print(name, "closed at", loop.time())


async def save(name, seconds):
    loop = asyncio.get_running_loop()
    try:
        print(name, "saving")
        await asyncio.sleep(seconds)
        print(name, "saved at", loop.time())
    except asyncio.CancelledError:
        print(name, "undoing at", loop.time())
        await asyncio.sleep(0.25)
        raise
    finally:
        print(name, "flushing at", loop.time())
        await asyncio.sleep(1)
        print(name, "flushed at", loop.time())


async def load(name, seconds):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(seconds)
        return len(name)
    except asyncio.CancelledError:
        print(name, "load cancelled at", loop.time())
        raise
    finally:
        print(name, "releasing at", loop.time())
        await asyncio.sleep(1)
        print(name, "released at", loop.time())


async def main():
    loop = asyncio.get_running_loop()
    try:
        value = await asyncio.wait_for(fetch("fast", 1), timeout=2)
        print("main got", value, "at", loop.time())
    except TimeoutError:
        print("main: fast timed out")
    try:
        value = await asyncio.wait_for(fetch("slow", 5), timeout=2)
        print("main got", value)
    except TimeoutError:
        print("main: slow timed out at", loop.time())
    try:
        await asyncio.wait_for(save("draft", 1), timeout=1.5)
        print("main: draft done")
    except TimeoutError:
        print("main: draft timed out at", loop.time())
    try:
        await asyncio.wait_for(save("report", 3), timeout=2)
        print("main: report done")
    except TimeoutError:
        print("main: report timed out at", loop.time())
    for seconds in [0.5, 1.5, 3]:
        try:
            size = await asyncio.wait_for(load("cache", seconds), timeout=2)
            print("main: loaded", size, "at", loop.time())
        except TimeoutError:
            print("main: load timed out at", loop.time())
    print("main finished at", loop.time())


asyncio.run(main())
