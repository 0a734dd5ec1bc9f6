# covers: integers beyond 64 bits passed to functions, grown by a loop's product, floor division and remainder of negative ones, compared, printed and joined into strings
import asyncio


def scaled(n):
    return n * 2**64


def power(base, n):
    acc = 1
    for _ in range(n):
        acc = acc * base
    return acc


async def main():
    print(scaled(3), scaled(2**65), power(3, 50), power(2, 10) == 2**10)
    print(-(2**70) // 3, -(2**70) % 7, 2**70 % -7, 2**70 // -3)
    x = 2**64
    x = x - 1
    x += 2
    x = x // 2
    await asyncio.sleep(0.5)
    print(x, x > 2**63, x != 5, str(x) + "!", f"{x}:{2**66}")


asyncio.run(main())
