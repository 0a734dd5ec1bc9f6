import asyncio
import logging


async def main():
    try:
        logging.warning("%d tasks", "three")
    except Exception as e:
        print("caught", repr(e))
    print("after the log line")


asyncio.run(main())
