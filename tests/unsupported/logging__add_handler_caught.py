# ends: not supported yet: Logger.addHandler (a demo configures its output with logging.basicConfig)
import asyncio
import logging

log = logging.getLogger("demo")


async def main():
    try:
        log.addHandler(None)
    except Exception as e:
        print("caught", repr(e))
    except:
        print("caught by a bare except")


asyncio.run(main())
