# covers: nested coroutine awaits, enter/exit order through a call chain, two tasks running nested chains concurrently
import asyncio


async def level3(tag):
    print(tag, "  level3 enter")
    await asyncio.sleep(1)
    print(tag, "  level3 exit")
    return 3


async def level2(tag):
    print(tag, " level2 enter")
    value = await level3(tag) + 2
    print(tag, " level2 exit")
    return value


async def level1(tag):
    print(tag, "level1 enter")
    value = await level2(tag) + 1
    print(tag, "level1 exit", value)
    return value


async def main():
    print("direct:", await level1("X"))
    t1 = asyncio.create_task(level1("A"))
    t2 = asyncio.create_task(level1("B"))
    print("tasks:", await t1 + await t2)


asyncio.run(main())
