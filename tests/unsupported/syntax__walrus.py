# refuse: walrus operator := (here in a comprehension condition)
import asyncio


async def main():
    data = [1, 2, 3, 4]
    print([y for x in data if (y := x * x) > 4])


asyncio.run(main())
