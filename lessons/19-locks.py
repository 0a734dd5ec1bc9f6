import asyncio

balance = 0


async def deposit(name, amount, seconds):
    global balance
    seen = balance
    await asyncio.sleep(seconds)  # ask the bank to record it
    balance = seen + amount
    print(f"{name}: saw {seen}, wrote {balance}")


async def deposit_locked(name, amount, seconds, lock):
    global balance
    async with lock:
        seen = balance
        await asyncio.sleep(seconds)  # ask the bank to record it
        balance = seen + amount
        print(f"{name}: saw {seen}, wrote {balance}")


async def main():
    global balance
    await asyncio.gather(
        deposit("alice", 10, 0.3),
        deposit("bob", 20, 0.2),
        deposit("carol", 30, 0.1),
    )
    print(f"without a lock: balance {balance}")
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(
        deposit_locked("alice", 10, 0.3, lock),
        deposit_locked("bob", 20, 0.2, lock),
        deposit_locked("carol", 30, 0.1, lock),
    )
    print(f"with a lock: balance {balance}")


asyncio.run(main())
