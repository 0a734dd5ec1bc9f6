# output: 1000
import asyncio


async def handle(reader, writer):
    writer.write(b"x" * 1000)
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    data = await reader.read(2**40)
    print(len(data))
    writer.close()
    server.close()


asyncio.run(main())
