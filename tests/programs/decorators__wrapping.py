# covers: a decorator whose wrapper runs code around each call of the function it wraps, plain and async, passing *args on, reading the function's name, a decorator factory
import asyncio
import functools


def logged(func):
    def wrapper(x):
        print("calling with", x)
        result = func(x)
        print("returned", result)
        return result

    return wrapper


def timed(coro_fn):
    async def wrapper(delay):
        loop = asyncio.get_running_loop()
        start = loop.time()
        result = await coro_fn(delay)
        print(f"took {loop.time() - start:.1f}s")
        return result

    return wrapper


def traced(label):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            print(f"[{label}] enter {func.__name__}{args}")
            result = func(*args, **kwargs)
            print(f"[{label}] exit {func.__name__}")
            return result

        return wrapper

    return decorate


@traced("math")
def area(width, height):
    return width * height


@traced("geometry")
def perimeter(w, h):
    return 2 * (w + h)


@logged
def double(x):
    return x * 2


@logged
def halve(x):
    print("halving", x)
    return x // 2


@timed
async def fetch(delay):
    await asyncio.sleep(delay)
    return round(delay * 10)


async def main():
    print(double(3) + halve(9))
    total = 0
    for n in [1, 2]:
        total += double(n)
    print("total", total)
    print(area(3, 4), perimeter(3, 4))
    print("fetched", await fetch(0.5))
    results = await asyncio.gather(fetch(0.2), fetch(0.3))
    print(results)


asyncio.run(main())
