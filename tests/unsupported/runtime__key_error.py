# error: KeyError: 'bob'
import asyncio


async def main():
    ages = {"ada": 36}
    print(ages["bob"])


asyncio.run(main())
