# refuse: a tzinfo class of one's own
import asyncio
import datetime


class Plus2(datetime.tzinfo):
    def utcoffset(self, dt):
        return datetime.timedelta(hours=2)


async def main():
    print(datetime.datetime.now(Plus2()))


asyncio.run(main())
