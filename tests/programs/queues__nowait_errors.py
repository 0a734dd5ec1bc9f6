# covers: QueueFull from put_nowait on a full queue and QueueEmpty from get_nowait on an empty one, caught, with their repr and empty text
import asyncio


async def fill(q, items):
    count = 0
    for item in items:
        try:
            q.put_nowait(item)
            count += 1
            print("put", item, "size", q.qsize())
        except asyncio.QueueFull as e:
            print("full at", item, repr(e), f"[{e}]")
    return count


async def main():
    q = asyncio.Queue(maxsize=2)
    put = await fill(q, [1, 2, 3, 4])
    print("put:", put)
    for _ in range(3):
        try:
            item = q.get_nowait()
            print("got", item)
        except asyncio.QueueEmpty as e:
            print("empty:", repr(e))
        await asyncio.sleep(0.5)


asyncio.run(main())
