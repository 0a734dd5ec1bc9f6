# refuse: except* (exception groups)
import asyncio


async def main():
    try:
        await asyncio.sleep(0)
    except* ValueError:
        print("group")


asyncio.run(main())
