# covers: isinstance of built-in exceptions against their bases: LookupError, ArithmeticError, OSError, BaseException
import asyncio


async def main():
    await asyncio.sleep(0.1)
    print("KeyError is a LookupError:", isinstance(KeyError("k"), LookupError))
    print("ZeroDivisionError:", isinstance(ZeroDivisionError(), (ValueError, ArithmeticError)))
    print("TimeoutError is an OSError:", isinstance(asyncio.TimeoutError(), OSError))
    cancelled = isinstance(asyncio.CancelledError(), Exception)
    if not cancelled:
        print("CancelledError is no Exception")
    print(isinstance(asyncio.CancelledError(), BaseException), isinstance(ValueError(1, 2), TypeError))


asyncio.run(main())
