# refuse: datetime.now(tz) and datetime(..., tzinfo=tz)
import asyncio
import datetime
from datetime import datetime as dt

UTC = None


async def main():
    print(datetime.datetime.now(UTC))
    print(dt(2024, 1, 1, tzinfo=UTC))
    print(dt(2024, 1, 1, tzinfo=None))


asyncio.run(main())
