import asyncio


async def a_rather_long_coroutine_name(first_argument, second_argument):
    await asyncio.sleep(0.1)
    return first_argument + second_argument


async def nothing():
    pass


async def main():
    results = await asyncio.gather(
        a_rather_long_coroutine_name(1, 2), a_rather_long_coroutine_name(3, 4)
    )
    more = await asyncio.gather(
        a_rather_long_coroutine_name("one fairly long string", "two"),
        a_rather_long_coroutine_name("three", "four"),
        a_rather_long_coroutine_name("five", "six"),
    )
    print(f"{results} {more}")
    await nothing()
    async for e in Empty():
        pass
    async with Plain(1):
        pass
    try:
        await asyncio.wait_for(nothing(), timeout=0.5)
    except TimeoutError:
        pass
    try:
        print("in try")
    finally:
        print("finally")
    try:
        print("bare try")
    finally:
        pass
    f = 0.1
    g = f + 0.2
    print("{} {} {} {} {} {}".format(g, 1e-05, -3 * -2, 2 - (3 - 4), "it" + "'s", [1, "two", [3.5, None, True]]))
    print(f"{'a' == 'a'} {not False} {7 % 3} {-7 // 2} {(1 < 2) == True}")
    for x in []:
        pass
    while False:
        pass
    if True:
        pass
    print(f"{{literal}} {f}")
    print("tab\there")


class Empty:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class Plain:
    def __init__(self, x):
        pass

    async def __aenter__(self):
        pass

    async def __aexit__(self, exc_type, exc, tb):
        pass


asyncio.run(main())
