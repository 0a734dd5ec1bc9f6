# SystemExit is an exception: it can be caught, and carries its code.
import asyncio
import sys


def stop(code=None, *more):
    try:
        if more:
            sys.exit((code,) + more)
        if code is None:
            sys.exit()
        sys.exit(code)
    except SystemExit as e:
        print(repr(e), repr(e.code), e.args, isinstance(e, Exception), isinstance(e, BaseException))


async def main():
    stop()
    stop(0)
    stop(3)
    stop("message")
    stop(1, 2)
    try:
        try:
            sys.exit(4)
        except Exception:
            print("not caught as an Exception")
    except BaseException as e:
        print("caught as a BaseException:", type(e).__name__, e.code)
    try:
        sys.exit(1, 2)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(1)
    sys.exit(0)


asyncio.run(main())
print("not reached: sys.exit(0) still ends the program")
