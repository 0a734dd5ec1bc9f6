# covers: del (names, list items, dict keys), pass, assert (passing, and failing caught by except AssertionError), NameError after del
import asyncio


class Placeholder:
    pass


async def compute(x):
    await asyncio.sleep(0.5)
    assert x >= 0, f"negative input: {x}"
    return x * 2


async def main():
    value = 10
    del value
    try:
        print(value)
    except NameError as e:
        print("NameError:", e)
    items = [1, 2, 3, 4, 5]
    del items[0]
    del items[-1]
    print(items)
    ages = {"ada": 36, "bob": 20, "cy": 7}
    del ages["bob"]
    print(ages)
    try:
        del ages["zed"]
    except KeyError as e:
        print("KeyError:", e)
    for i in range(3):
        pass
    print("loop var after pass:", i)
    p = Placeholder()
    print(type(p).__name__)
    assert len(items) == 3
    assert True, "never shown"
    print(await compute(4))
    try:
        await compute(-1)
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        assert 1 > 2
    except AssertionError as e:
        print("bare assert:", repr(e), e.args)


asyncio.run(main())
