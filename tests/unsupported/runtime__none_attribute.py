# error: AttributeError: 'NoneType' object has no attribute 'upper'
import asyncio


async def find(name):
    await asyncio.sleep(0)
    return None


async def main():
    user = await find("ada")
    print(user.upper())


asyncio.run(main())
