# Records of a level given as a value (`logging.log`, `log.log`), and the
# level constants, which are numbers.
import asyncio
import logging
import sys

logging.basicConfig(
    level=logging.INFO,
    format="%(levelname)s:%(name)s:%(message)s",
    stream=sys.stdout,
)
log = logging.getLogger("app")


async def main():
    logging.log(logging.CRITICAL, "via log() %d", 3)
    log.log(logging.WARNING, "warned after %.2f s", 1.5)
    log.log(logging.DEBUG, "below the level")
    log.error("no traceback", exc_info=False)
    await asyncio.sleep(1)
    print("levels", logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
    log.log(logging.INFO, "done")


asyncio.run(main())
