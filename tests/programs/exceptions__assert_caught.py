# covers: assert with and without a message, its message made only when it fails, AssertionError caught, str, repr and args of it
import asyncio


def describe(x):
    print("describing", x)
    return f"bad {x}"


async def compute(x):
    await asyncio.sleep(0.5)
    assert x >= 0, f"negative input: {x}"
    return x * 2


async def main():
    items = [1, 2, 3]
    assert len(items) == 3
    assert "b" not in ["a", "c"], "never shown"
    print(await compute(4))
    try:
        await compute(-1)
    except AssertionError as e:
        print("AssertionError:", e)
    for x in [1, -2]:
        try:
            assert x > 0, describe(x)
            print("fine", x)
        except AssertionError as e:
            print("caught:", e)
    try:
        assert 1 > 2
    except AssertionError as e:
        print("bare assert:", repr(e), e.args)


asyncio.run(main())
