import asyncio


async def greet_later(delay, text):
    await asyncio.sleep(delay)
    print(text)


async def main():
    await greet_later(1, "first")
    await greet_later(2, "second")
    print("both done")


asyncio.run(main())
