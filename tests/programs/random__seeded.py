"""A seeded random draws CPython's numbers bit for bit."""
import asyncio
import random
from random import choice, randint


async def worker(name, rng):
    delay = rng.uniform(0.5, 2.0)
    await asyncio.sleep(delay)
    print(f"{name} slept {delay:.3f}")
    return rng.randint(1, 100)


async def main():
    random.seed(42)
    print(random.random(), random.random())
    print([randint(1, 6) for _ in range(10)])
    print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(-10, -100, -7))
    print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(64), random.getrandbits(100))
    print(random.randrange(2**70), random.randint(-(2**40), 2**40))
    deck = list(range(20))
    random.shuffle(deck)
    print(deck)
    print(choice("abcdefg"), choice([10, 20, 30]), choice(range(1000)))
    print(random.sample(range(100), 10))
    print(random.sample(range(10**6), 8))
    print(random.sample(["a", "b", "c", "d"], k=4), random.sample("xyz", 2))
    print(random.sample(["red", "blue"], counts=[4, 2], k=5))
    print(random.choices(["a", "b", "c"], k=8))
    print(random.choices(["a", "b", "c"], weights=[10, 1, 5], k=8))
    print(random.choices(["a", "b", "c"], cum_weights=[0.5, 0.75, 1.0], k=8))
    print(random.choices(range(5), [0.1, 0.2, 0.3, 0.2, 0.2]))
    print(random.uniform(1, 10), random.triangular(0, 10, 3), random.triangular())
    print(random.gauss(), random.gauss(10, 2), random.gauss(0, 1))
    print(random.normalvariate(0, 1), random.expovariate(1.5))
    print(random.randbytes(5))
    random.seed("hello")
    print(random.random())
    random.seed(b"bytes")
    print(random.random())
    random.seed(3.25)
    print(random.random())
    random.seed(-7)
    print(random.random())
    random.seed(2**100 + 12345)
    print(random.random())
    rng = random.Random(7)
    other = random.Random("seven")
    print(rng.random(), other.random(), rng.choice("xyz"))
    results = await asyncio.gather(*(worker(n, random.Random(n)) for n in ["a", "b", "c"]))
    print(results)
    for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 5),
                lambda: random.sample([1, 2], 3), lambda: random.randrange(1.5),
                lambda: random.choices([1, 2], [1, 2, 3]), lambda: random.sample({1, 2}, 1),
                lambda: random.choices([1], [1], cum_weights=[1])]:
        try:
            bad()
        except (ValueError, IndexError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
