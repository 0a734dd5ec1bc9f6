# datefmt, msecs, levelno, module; logger.exception with the traceback.
import asyncio
import logging

logging.basicConfig(
    format="%(asctime)s.%(msecs)03d %(levelno)s %(module)s %(message)s",
    datefmt="%H:%M:%S",
    level="INFO",
)
log = logging.getLogger(__name__)


def parse(text):
    if not text.isdigit():
        raise ValueError(f"not a number: {text!r}")
    return int(text)


async def main():
    await asyncio.sleep(61.5)
    log.info("started")
    try:
        parse("forty")
    except ValueError:
        log.exception("could not parse %r", "forty")
    log.error("no traceback here", exc_info=False)
    try:
        raise KeyError("key")
    except KeyError:
        log.warning("with exc_info", exc_info=True)


asyncio.run(main())
