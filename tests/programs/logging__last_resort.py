# Nothing configured: a named logger's records go to the last-resort
# handler (WARNING and above, the bare message, on stderr).
import asyncio
import logging

log = logging.getLogger("app")


async def main():
    print(repr(log), repr(logging.getLogger()), log.name, log.level)
    print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO))
    log.debug("not shown: debug")
    log.info("not shown: info")
    log.warning("disk at %d%%", 91)
    await asyncio.sleep(1)
    log.error("lost %s of %s", "one", "three")
    log.critical("shutting down")
    print(logging.getLevelName(40), logging.getLevelName("INFO"), logging.getLevelName(15))
    print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
    print(logging.getLogger("app") is log)


asyncio.run(main())
