# ends: (limit: steps)
import asyncio


async def handle(reader, writer):
    while True:
        writer.write(b"x" * 65536)
        await writer.drain()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    total = 0
    while True:
        data = await reader.read(2**40)
        total += len(data)


asyncio.run(main())
