import asyncio


class ConfigError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad number {text!r}") from e


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise RuntimeError("lookup failed") from None


def cleanup():
    try:
        1 / 0
    except ZeroDivisionError:
        print(undefined_name)


async def main():
    try:
        parse("x")
    except ConfigError as e:
        print(repr(e), repr(e.__cause__), e.__suppress_context__)
        print(type(e.__context__).__name__)
    try:
        lookup({}, "k")
    except RuntimeError as e:
        print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
    try:
        cleanup()
    except NameError as e:
        print(repr(e.__context__), e.__cause__, e.__suppress_context__)
    plain = ValueError("v")
    print(plain.__cause__, plain.__context__, plain.__suppress_context__)
    await asyncio.sleep(0.5)
    try:
        parse("y")
    except ConfigError:
        try:
            cleanup()
        finally:
            print("finally runs")


asyncio.run(main())
