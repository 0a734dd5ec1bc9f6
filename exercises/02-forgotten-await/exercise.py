import asyncio


async def save(record):
    await asyncio.sleep(0.5)
    print(f"saved {record}")


async def main():
    for record in ["alice", "bob"]:
        save(record)
    print("all saved")


asyncio.run(main())
