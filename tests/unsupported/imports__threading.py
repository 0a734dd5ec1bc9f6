# refuse: import threading
import asyncio
import threading


async def main():
    threading.Thread(target=print, args=("hi",)).start()


asyncio.run(main())
