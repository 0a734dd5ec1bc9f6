import asyncio


def deep(n):
    return deep(n + 1)


def job(loop):
    async def one():
        return 1
    print(asyncio.run_coroutine_threadsafe(one(), loop).result())
    try:
        deep(0)
    except RecursionError as e:
        print("RecursionError", e)
    return "ok"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(job, loop))


asyncio.run(main())
