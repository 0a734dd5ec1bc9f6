import asyncio


async def main():
    remaining = 3
    while remaining > 0:
        await asyncio.sleep(1)
        print(f"{remaining} left")
        remaining -= 1


asyncio.run(main())
