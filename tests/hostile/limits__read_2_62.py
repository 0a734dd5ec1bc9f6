# output: b'hello'
import asyncio


async def handle(reader, writer):
    writer.write(b"hello")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(await reader.read(2**62))
    writer.close()
    server.close()


asyncio.run(main())
