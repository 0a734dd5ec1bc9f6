# covers: math constants and functions on floats and ints, fsum, prod, hypot, dist, isclose, the integer functions and CPython's errors, computing latency statistics of gathered requests
import asyncio
import math
from math import sqrt, fsum, isclose


async def request(i):
    delay = 0.1 * (1 + i % 4)
    await asyncio.sleep(delay)
    return delay


async def main():
    latencies = await asyncio.gather(*(request(i) for i in range(8)))
    mean = fsum(latencies) / len(latencies)
    std = sqrt(fsum((x - mean) ** 2 for x in latencies) / len(latencies))
    print(f"mean={mean} std={std:.4f} sum={sum(latencies)} fsum={fsum(latencies)}")
    print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
    print(math.sqrt(2), math.exp(1), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10), math.cbrt(27), math.cbrt(-8))
    print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
    print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
    print(math.log(100), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log(10**400), math.log2(2**2000))
    print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.9), math.floor(7), math.ceil(2**70 + 0.5))
    print(math.fabs(-3), math.pow(2, 0.5), math.pow(2, 10), math.fmod(7.5, 2), math.fmod(-7, 3), math.copysign(3, -0.0))
    print(math.remainder(5, 2), math.remainder(7, 2), math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.frexp(0.1), math.ldexp(0.5, 4))
    print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.dist((0, 0), (3, 4)))
    print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), isclose(0, 1e-10, abs_tol=1e-9))
    print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6, 10), math.lcm(4, 6), math.lcm(), math.lcm(3, 0), math.gcd())
    print(math.factorial(20), math.factorial(30), math.comb(52, 5), math.comb(10, 0), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(2, 3))
    print(math.isqrt(17), math.isqrt(10**40), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
    print(fsum([0.1] * 10), sum([0.1] * 10), fsum([1e100, 1.0, -1e100, 1e-100]), fsum([]), math.nextafter(1, 2), math.ulp(1.0), math.ulp(0.0))
    for call in (
        lambda: math.sqrt(-1),
        lambda: math.log(0),
        lambda: math.log(-1),
        lambda: math.log(8, 1),
        lambda: math.exp(1000),
        lambda: math.floor(math.inf),
        lambda: math.floor(math.nan),
        lambda: math.factorial(-1),
        lambda: math.factorial(2.0),
        lambda: math.comb(5, -1),
        lambda: math.comb(-5, 1),
        lambda: math.gcd(2.0, 4),
        lambda: math.isqrt(-1),
        lambda: math.pow(0, -1),
        lambda: math.pow(-8, 1 / 3),
        lambda: math.pow(10, 400),
        lambda: math.fmod(1, 0),
        lambda: math.ldexp(1, 2000),
        lambda: math.dist((1, 2), (1,)),
        lambda: math.isclose(1, 1, rel_tol=-1),
        lambda: math.sqrt("x"),
        lambda: math.sqrt(10**400),
        lambda: math.fsum([1e308, 1e308]),
        lambda: math.fsum([math.inf, -math.inf]),
        lambda: math.sqrt(1, 2),
        lambda: math.log(),
        lambda: math.atan2(1),
        lambda: math.trunc("x"),
        lambda: math.sin(math.inf),
        lambda: math.acos(2),
        lambda: math.ldexp(1.0, 2.0),
        lambda: math.remainder(1, 0),
    ):
        try:
            print(call())
        except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
