# covers: raise, bare raise, raise ... from ..., __cause__, exception chaining through awaits
import asyncio


class ConfigError(Exception):
    pass


async def read_port(text):
    await asyncio.sleep(0.5)
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e


async def logged(coro_text):
    try:
        return await read_port(coro_text)
    except ConfigError:
        print("logging and re-raising")
        raise


async def main():
    print(await logged("8080"))
    try:
        await logged("eighty")
    except ConfigError as e:
        print("caught:", e)
        print("cause:", type(e.__cause__).__name__, e.__cause__)
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise RuntimeError("outer")
    except RuntimeError as e:
        print("raised while handling KeyError:", repr(e))
    try:
        raise ValueError
    except ValueError as e:
        print("raised a class:", repr(e), e.args)
    try:
        raise NotImplementedError("todo")
    except RuntimeError as e:
        print("NotImplementedError is a RuntimeError:", repr(e))


asyncio.run(main())
