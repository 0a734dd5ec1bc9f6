# refuse: setattr (refused entirely)
import asyncio


class Config:
    pass


async def main():
    c = Config()
    setattr(c, "debug", True)
    print(c.debug)


asyncio.run(main())
