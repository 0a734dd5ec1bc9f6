import asyncio


async def handle_client(reader, writer):
    name = (await reader.readline()).decode().strip()
    print(f"server: request from {name}")
    await asyncio.sleep(1.5)
    writer.write(f"reply for {name}\n".encode())
    await writer.drain()
    print(f"server: replied to {name}")
    writer.close()
    await writer.wait_closed()


async def client(name, delay, server):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())
    print(f"{name}: connected, sending request")
    writer.write(f"{name}\n".encode())
    await writer.drain()
    reply = (await reader.readline()).decode().strip()
    print(f"{name}: got {reply}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_client, "127.0.0.1", 0)
    print("server: listening on 127.0.0.1")
    await asyncio.gather(
        client("A", 0, server), client("B", 0.5, server), client("C", 1.2, server)
    )
    server.close()
    await server.wait_closed()


asyncio.run(main())
