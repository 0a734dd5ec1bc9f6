# covers: if x is not None: reads the value of a result that may be None, with and without else; a variable None, then such a result
import asyncio


async def lookup(phones, name):
    await asyncio.sleep(0.1)
    return phones.get(name)


async def main():
    phones = {"ann": "555-0101", "bob": "555-0199"}
    ages = {"ann": 31}
    last = None
    for name in ["ann", "eve"]:
        phone = await lookup(phones, name)
        if phone is not None:
            print(name, "calls", phone.replace("-", " "), len(phone))
        else:
            print(name, "has no phone")
        age = ages.get(name)
        if age is not None:
            print(name, "is", age, "next year", age + 1)
        last = age
    print("last age:", last)


asyncio.run(main())
