import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} data"


async def main():
    users, orders, stock = await asyncio.gather(
        fetch("users", 1), fetch("orders", 1), fetch("stock", 1)
    )
    print(users, orders, stock)


asyncio.run(main())
