"""typing.NamedTuple: fields from annotations, defaults, indexing,
unpacking, comparison with tuples, _asdict and _replace."""
import asyncio
from typing import NamedTuple


class Result(NamedTuple):
    name: str
    took: float
    ok: bool = True


async def fetch(name: str, delay: float) -> Result:
    await asyncio.sleep(delay)
    return Result(name, delay, ok=delay < 2)


async def main():
    results = await asyncio.gather(fetch("a", 1), fetch("b", 2.5))
    print(results)
    for name, took, ok in results:
        print(f"{name}: {took}s ok={ok}")
    r = results[0]
    print(r.name, r[1], r[-1], len(r), list(r), r == ("a", 1, True), r == results[1])
    print(r._asdict(), r._replace(ok=False), Result._fields, Result("c", 0.5))
    try:
        r.name = "z"
    except AttributeError as e:
        print("AttributeError:", e)
    for bad in [lambda: Result(), lambda: Result("a", 1, True, 4), lambda: Result("a", 1, nope=2)]:
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
