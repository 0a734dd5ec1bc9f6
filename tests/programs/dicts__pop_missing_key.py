# covers: dict.pop(key) takes the value out keeping the others' order, and the KeyError of a missing key, caught with the key's repr
import asyncio


async def main():
    stock = {"apple": 3, "pear": 1, "plum": 2}
    print(stock.pop("pear"), stock)
    for name in ["apple", "kiwi"]:
        await asyncio.sleep(0.5)
        try:
            count = stock.pop(name)
            print("took", name, count, "left", stock)
        except KeyError as e:
            print("no such item:", e)
    print("left:", stock)


asyncio.run(main())
