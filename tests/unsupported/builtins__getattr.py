# refuse: getattr (refused entirely, here with a name built at run time)
import asyncio


class Sensor:
    temp = 21


async def main():
    field = "te" + "mp"
    print(getattr(Sensor(), field))


asyncio.run(main())
