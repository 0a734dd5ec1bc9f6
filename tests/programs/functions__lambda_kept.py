# covers: lambdas kept in a variable and called, with defaults, a keyword argument, a captured value
import asyncio


async def main():
    square = lambda x: x * x
    print(square(4), square(square(2)))
    clamp = lambda v, lo=0, hi=10: max(lo, min(v, hi))
    print(clamp(-5), clamp(5), clamp(15), clamp(50, hi=100))
    step = 3
    bump = lambda n: n + step
    await asyncio.sleep(0.5)
    print(bump(1), bump(square(3)))
    greet = lambda name, punct="!": f"hello {name}{punct}"
    print(greet("ann"), greet("bo", "?"))


asyncio.run(main())
