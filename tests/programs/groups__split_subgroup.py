"""`ExceptionGroup.split`, `subgroup` and `derive`: by a class, a tuple of
classes or a predicate, keeping the nesting, as CPython 3.11's."""
import asyncio


async def fail(kind, n):
    await asyncio.sleep(0.5)
    raise kind(n)


async def main():
    eg = ExceptionGroup(
        "many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])]
    )
    matched, rest = eg.split(ValueError)
    print(repr(matched))
    print(repr(rest))
    print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
    print(eg.subgroup(ExceptionGroup) is eg, repr(eg.split((TypeError, KeyError))))
    print(repr(eg.subgroup(OSError)), repr(eg.split(lambda e: False)[0]))
    print(repr(eg.derive([OSError()])), repr(eg.derive([KeyboardInterrupt()])))
    print(matched.message, len(matched.exceptions), str(rest))
    for bad in (lambda: eg.split(5), lambda: eg.split(), lambda: eg.derive(5)):
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError, 1))
            tg.create_task(fail(TimeoutError, 2))
            tg.create_task(fail(ValueError, 3))
    except ExceptionGroup as group:
        timeouts, others = group.split(TimeoutError)
        print(repr(timeouts), repr(others))
        print(repr(group.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))


asyncio.run(main())
