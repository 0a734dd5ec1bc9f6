# covers: arbitrary precision int, 2**100, factorial of 30, recursion (recursive coroutine), while loop, augmented assignment
import asyncio


def factorial(n):
    result = 1
    while n > 1:
        result *= n
        n -= 1
    return result


async def afactorial(n):
    if n <= 1:
        return 1
    await asyncio.sleep(0)
    return n * await afactorial(n - 1)


async def main():
    print(2**100)
    print(2**64 - 1)
    print(-(2**70))
    print(factorial(30))
    f = await afactorial(30)
    print(f == factorial(30), f)
    print(len(str(2**1000)))
    print(10**20 // 7, 10**20 % 7)
    print(3**40 * 5**30)
    big = 1
    for i in range(1, 26):
        big *= i
    print(big, big // factorial(24))
    print(2**100 - 2**99 == 2**99)


asyncio.run(main())
