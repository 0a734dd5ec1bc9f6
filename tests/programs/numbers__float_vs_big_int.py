# covers: a float compared with an integer beyond 64 bits (exactly, as Python compares them), float literals with exponents
import asyncio


async def main():
    await asyncio.sleep(0.5)
    print(1e100 > 10**100, 1e100 >= 10**100, 1e100 < 10**100, 1e100 <= 10**100)
    print(10**30 < 1e30, 10**30 >= float("1e30"), -(10**30) > -1e30)
    print(1.5 < -(2**70), 1.2e21 < 2**70, 2**70 <= 1180591620717411303424.0)
    print(float("inf") > 12345678901234567890123, -float("inf") < -(10**40))
    print(1e16, 2.5e-7, 1e-5, -1e300)


asyncio.run(main())
