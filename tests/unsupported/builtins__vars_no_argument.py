# refuse: vars() without an argument outside a function
import asyncio

settings = {"retries": 3}
print(sorted(vars()))


async def main():
    print(settings)


asyncio.run(main())
