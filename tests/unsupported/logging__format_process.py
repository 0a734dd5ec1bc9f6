# refuse: %(process)d in a logging format (it differs from run to run), style="{"
import asyncio
import logging

logging.basicConfig(format="%(process)d %(message)s")
logging.basicConfig(format="{message}", style="{", force=True)


async def main():
    logging.warning("started")


asyncio.run(main())
