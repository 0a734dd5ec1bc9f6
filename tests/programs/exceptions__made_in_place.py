# covers: exceptions made in place: isinstance against their bases (LookupError, ArithmeticError, OSError, BaseException), str and repr
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
    print(str(KeyError("k")), str(KeyError(1)), repr(KeyError("k")))
    print(repr(ValueError()), str(ValueError(1, "a")), repr(RuntimeError("it's", 2.5, None)))
    text = str(ZeroDivisionError("z"))
    print(f"[{text}]", repr(TypeError()))


asyncio.run(main())
