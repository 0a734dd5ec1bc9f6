# logs: an exception escaping a stream handler is logged, and the client reads the end
import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    raise ValueError(f"cannot handle {line!r}")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
        writer.write(b"ping\n")
        await writer.drain()
        print("client read", await reader.read())
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
