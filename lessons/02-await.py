import asyncio


async def fetch(what, seconds):
    print(f"{what}: start")
    await asyncio.sleep(seconds)
    print(f"{what}: done")
    return f"{what} data"


async def main():
    users = await fetch("users", 1)
    orders = await fetch("orders", 2)
    print(f"got {users} and {orders}")


asyncio.run(main())
