# refuse: asyncio.Runner(loop_factory=...)
import asyncio


async def main():
    return 1


with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
    print(runner.run(main()))
