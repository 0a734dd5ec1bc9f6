# covers: except* on nested groups (split keeps the nesting), a tuple of classes, except* Exception taking the rest whole, a bare exception arriving wrapped, a bare raise re-raising the matched part, else and finally
import asyncio


async def main():
    nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
    try:
        raise nested
    except* ValueError as eg:
        print(f"values: {eg!r}")
    except* (TypeError, KeyError) as eg:
        print(f"others: {eg!r}")

    try:
        try:
            raise nested
        except* TypeError as eg:
            print(f"types, then raise again: {eg!r}")
            raise
    except ExceptionGroup as eg:
        print(f"all of it goes on: {eg!r}")

    try:
        raise ExceptionGroup("g", [ValueError(1), OSError(2)])
    except* ValueError:
        print("value handled")
    except* Exception as eg:
        print(f"the rest, whole: {eg!r}")

    try:
        raise KeyError("plain")
    except* KeyError as eg:
        print(f"a plain exception arrives wrapped: {eg!r}")
    else:
        print("no else after an exception")
    finally:
        print("finally runs")

    try:
        try:
            raise ValueError("plain")
        except* TypeError:
            print("not this one")
    except ValueError as e:
        print(f"unmatched, it stays plain: {e!r}")

    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ExceptionGroup:
            print("never")
    except TypeError as e:
        print(f"TypeError: {e}")


asyncio.run(main())
