# refuse: logging.basicConfig(filename=...) (a demo logs to a stream)
import asyncio
import logging

logging.basicConfig(filename="demo.log", level=logging.INFO)


async def main():
    logging.info("started")


asyncio.run(main())
