# ends: not supported yet: print(file=...) to Log
import asyncio


class Log:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.append(text)


async def main():
    sink = Log()
    try:
        print("to a log", file=sink)
    except Exception as e:
        print("caught", repr(e))
    except:
        print("caught by a bare except")
    print(sink.lines)


asyncio.run(main())
