# covers: asyncio.start_server and asyncio.open_connection on 127.0.0.1 port 0, server.sockets[0].getsockname()[1], writer.write, await writer.drain(), await reader.readline(), .decode().strip(), writer.close(), await writer.wait_closed(), server.close(), await server.wait_closed()
import asyncio


async def handle_echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        text = line.decode().strip()
        print("server got:", text)
        writer.write(("echo: " + text + "\n").encode())
        await writer.drain()
    print("server: client left")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("port is a number:", isinstance(port, int) and port > 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for message in ["hello", "async world", "bye"]:
        print("client sends:", message)
        writer.write(message.encode() + b"\n")
        await writer.drain()
        reply = await reader.readline()
        print("client received:", reply.decode().strip())
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.1)
    server.close()
    await server.wait_closed()
    print("server closed")


asyncio.run(main())
