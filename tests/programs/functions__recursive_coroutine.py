# covers: a coroutine awaiting itself (as a statement, inside an expression, gathered), recursion depth by a parameter, a recursive countdown spawning nothing
import asyncio


async def countdown(n):
    if n == 0:
        print("liftoff")
        return 0
    print("count", n)
    await asyncio.sleep(0.5)
    rest = await countdown(n - 1)
    return rest + n


async def power(base, exp):
    if exp == 0:
        return 1
    await asyncio.sleep(0.1)
    return base * await power(base, exp - 1)


async def walk(lo, hi):
    if hi - lo <= 1:
        await asyncio.sleep(0.25)
        print("leaf", lo)
        return lo
    mid = (lo + hi) // 2
    left, right = await asyncio.gather(walk(lo, mid), walk(mid, hi))
    return left + right


async def main():
    print("sum", await countdown(3))
    print("2**5 =", await power(2, 5))
    print("total", await walk(0, 4))


asyncio.run(main())
