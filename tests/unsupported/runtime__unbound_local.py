# error: UnboundLocalError: cannot access local variable 'counter' where it is not associated with a value
import asyncio

counter = 0


async def main():
    counter += 1
    print(counter)


asyncio.run(main())
