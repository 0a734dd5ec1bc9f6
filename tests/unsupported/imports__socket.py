# refuse: import socket
import asyncio
import socket


async def main():
    print(socket.gethostname())


asyncio.run(main())
