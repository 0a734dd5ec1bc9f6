# ends: NameError: name 'prnt' is not defined
# A `for` over range(10**7) whose body raises at the first item: the run
# must end at once with the NameError, however many items the range has
# (found by the run_headless fuzz target, where it took over 10 s).
import asyncio


async def main():
    for i in range(10**7):
        prnt(i)


asyncio.run(main())
