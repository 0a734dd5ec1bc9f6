"""itertools' iterators are classes: type(), isinstance, __name__."""
import asyncio
import itertools
import math
import operator


async def main():
    counter = itertools.count(10, 5)
    chained = itertools.chain("ab", [1])
    print(itertools.count, itertools.chain, itertools.islice)
    print(type(counter), type(chained), type(itertools.product("ab", repeat=2)))
    print(type(itertools.groupby("aab")), type(itertools.tee([1, 2])[0]))
    print(type(counter) is itertools.count, type(chained) is itertools.chain)
    print(isinstance(chained, itertools.chain), isinstance(counter, itertools.cycle))
    print(type(itertools.pairwise([1, 2])).__name__, itertools.starmap.__name__)
    print(math.sqrt.__name__, operator.add.__qualname__, operator.add)
    await asyncio.sleep(0.5)
    print(next(counter), list(chained))


asyncio.run(main())
