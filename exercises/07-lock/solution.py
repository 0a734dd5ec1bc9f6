import asyncio

balance = 100
lock = asyncio.Lock()


async def read_balance():
    await asyncio.sleep(0.1)  # a round trip to the database
    return balance


async def write_balance(value):
    global balance
    await asyncio.sleep(0.1)
    balance = value


async def deposit(amount):
    async with lock:
        current = await read_balance()
        await write_balance(current + amount)


async def main():
    await asyncio.gather(deposit(50), deposit(25), deposit(10))
    print(f"balance: {balance}")


asyncio.run(main())
