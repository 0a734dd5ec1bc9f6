# refuse: logging.info(..., extra=...) and stack_info=
import asyncio
import logging
from logging import warning


async def main():
    logging.info("started", extra={"user": "ada"})
    warning("late", stack_info=True)


asyncio.run(main())
