# refuse: break out of an except* block (a SyntaxError in CPython)
import asyncio


async def main():
    for attempt in range(3):
        try:
            raise ExceptionGroup("g", [ValueError(attempt)])
        except* ValueError:
            break


asyncio.run(main())
