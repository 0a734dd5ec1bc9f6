# ends: not supported yet: print(file=...) to Log
import asyncio


class Log:
    def write(self, text):
        pass


async def main():
    print("to a log", file=Log())


asyncio.run(main())
