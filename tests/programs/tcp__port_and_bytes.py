# covers: a client connecting to the port read from the server's address; a reply written as bytes; a name sent as name.encode() + b"\n"
import asyncio


async def greet(reader, writer):
    name = (await reader.readline()).decode().strip()
    await asyncio.sleep(0.5)
    writer.write(f"hello, {name}\n".encode())
    await writer.drain()
    writer.write(b"BYE\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(greet, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    name = "ada"
    writer.write(name.encode() + b"\n")
    await writer.drain()
    while True:
        line = (await reader.readline()).decode().strip()
        if line == "":
            break
        print("client got", line)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
