# An echo server on a fixed port, under `async with server:`, serving
# forever until cancelled; the client and server see each other's address.
import asyncio


async def echo(reader, writer):
    data = await reader.readline()
    host, port = writer.get_extra_info("peername")
    print("server: got", data, "from", host)
    print("server: its own address", writer.get_extra_info("sockname"))
    print("server: unknown key", writer.get_extra_info("nope", "default"))
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(message):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    print("client: server at", writer.get_extra_info("peername"))
    writer.write(message.encode() + b"\n")
    await writer.drain()
    print("client: echoed", await reader.readline())
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 8888)
    print("listening on", server.sockets[0].getsockname())
    async with server:
        serving = asyncio.create_task(server.serve_forever())
        await client("hello")
        await asyncio.sleep(1)
        await client("again")
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print("serve_forever cancelled; serving:", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", 8888)
    except ConnectionRefusedError:
        print("closed: the connection is refused")


asyncio.run(main())
