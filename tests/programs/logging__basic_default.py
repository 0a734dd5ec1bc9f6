# The module's functions configure the root logger on first use:
# `LEVEL:name:message` on stderr, WARNING and above.
import asyncio
import logging


async def main():
    logging.info("not shown")
    logging.warning("first warning")
    logging.error("%s failed after %.1f s", "fetch", 1.25)
    log = logging.getLogger("db")
    log.warning("slow query")
    log.setLevel(logging.DEBUG)
    log.debug("now shown")
    child = logging.getLogger("db.pool")
    child.info("the child takes its parent's level: %r", child.getEffectiveLevel())
    print(repr(child))
    logging.log(logging.CRITICAL, "via log()")
    await asyncio.sleep(0.5)
    logging.basicConfig(level=logging.DEBUG)
    logging.debug("still not shown: basicConfig did nothing, root had a handler")


asyncio.run(main())
