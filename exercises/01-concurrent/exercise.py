import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} data"


async def main():
    users = await fetch("users", 1)
    orders = await fetch("orders", 1)
    stock = await fetch("stock", 1)
    print(users, orders, stock)


asyncio.run(main())
