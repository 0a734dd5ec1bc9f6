# covers: LookupError, ArithmeticError, Exception, BaseException, RuntimeError, NotImplementedError, TimeoutError, isinstance on exception classes
import asyncio


async def fail(exc):
    await asyncio.sleep(0.2)
    raise exc


async def main():
    cases = [KeyError("k"), IndexError("i"), ZeroDivisionError("z"), NotImplementedError("n"),
             TimeoutError("t"), AttributeError("a"), RuntimeError("r")]
    for exc in cases:
        try:
            await fail(exc)
        except LookupError as e:
            print("LookupError:", type(e).__name__)
        except ArithmeticError as e:
            print("ArithmeticError:", type(e).__name__)
        except RuntimeError as e:
            print("RuntimeError:", type(e).__name__, e)
        except Exception as e:
            print("Exception:", type(e).__name__, e)
    try:
        await fail(BaseException("base"))
    except Exception:
        print("not printed: BaseException is not an Exception")
    except BaseException as e:
        print("BaseException:", repr(e))
    print(isinstance(KeyError(), LookupError), isinstance(ZeroDivisionError(), ArithmeticError))
    print(isinstance(ValueError(), Exception), isinstance(Exception(), BaseException))
    print(isinstance(asyncio.CancelledError(), Exception), isinstance(asyncio.CancelledError(), BaseException))
    print(asyncio.TimeoutError is TimeoutError, isinstance(StopIteration(), Exception))


asyncio.run(main())
