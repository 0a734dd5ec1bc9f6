"""`obj.__dict__ = d` makes `d` itself the object's dict: writes through
either one show on the other, as in CPython."""
import asyncio


class Settings:
    def __init__(self):
        self.debug = False


async def main():
    s = Settings()
    shared = {"debug": True, "level": 3}
    s.__dict__ = shared
    print(s.debug, s.level, s.__dict__ is shared, vars(s) is shared)
    shared["level"] = 5
    shared["name"] = "prod"
    print(s.level, s.name)
    s.retries = 2
    del s.debug
    print(shared)
    other = Settings()
    other.__dict__ = shared
    other.level = 9
    print(s.level, other.name, s.__dict__ is other.__dict__)
    shared.clear()
    try:
        print(s.level)
    except AttributeError as e:
        print("AttributeError", e)
    print(vars(Settings)["__module__"], str(vars(Settings))[:24], f"{Settings.__dict__!r}"[:26])


asyncio.run(main())
