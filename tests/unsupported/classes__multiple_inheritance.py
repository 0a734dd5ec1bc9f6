# refuse: multiple inheritance
import asyncio

class Reader:
    pass

class Writer:
    pass

class Stream(Reader, Writer):
    pass

asyncio.run(asyncio.sleep(0, result=Stream()))
