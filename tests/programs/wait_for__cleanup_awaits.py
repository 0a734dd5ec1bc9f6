# covers: asyncio.wait_for timeout where the cancelled coroutine's finally awaits (wait_for waits for the cleanup), a coroutine swallowing CancelledError inside wait_for (no TimeoutError then)
import asyncio


async def upload(name):
    try:
        print(name, "uploading")
        await asyncio.sleep(10)
    finally:
        print(name, "rolling back")
        await asyncio.sleep(1)
        print(name, "rolled back")


async def stubborn():
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        print("stubborn: ignoring the cancellation")
        return "partial result"


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(upload("photo.jpg"), timeout=2)
    except TimeoutError:
        print("timed out; now it is", loop.time())
    try:
        value = await asyncio.wait_for(stubborn(), timeout=1)
        print("wait_for returned", repr(value))
    except TimeoutError:
        print("timed out")
    print("main finished at", loop.time())


asyncio.run(main())
