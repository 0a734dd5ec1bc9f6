# covers: loop.shutdown_asyncgens() closing a generator kept alive, whose finally yields to the loop: a task the cancel's except block made runs one step a round meanwhile, in exactly the rounds the gather of the closing task and the shutdown's own tasks take
import asyncio

kept = []


async def gen():
    try:
        for i in range(10):
            yield i
    finally:
        for k in range(1, 3):
            print("gen finally", k)
            await asyncio.sleep(0)


async def late():
    for k in range(1, 20):
        print("late", k)
        await asyncio.sleep(0)


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        asyncio.create_task(late())
        print("stubborn cancelled")


async def main():
    g = gen()
    kept.append(g)
    print(await anext(g))
    asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print("main ends")


asyncio.run(main())
print("after run")
