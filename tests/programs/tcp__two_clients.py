# covers: a TCP server serving two clients one after the other, a global connection counter, server greeting read with readline, nested async functions as handlers
import asyncio

connections = 0


async def handle(reader, writer):
    global connections
    connections += 1
    number = connections
    writer.write(f"welcome, client {number}\n".encode())
    await writer.drain()
    name = (await reader.readline()).decode().strip()
    await asyncio.sleep(0.5)
    writer.write(f"goodbye, {name}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def visit(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    greeting = (await reader.readline()).decode().strip()
    print(name, "heard:", greeting)
    writer.write(name.encode() + b"\n")
    await writer.drain()
    farewell = (await reader.readline()).decode().strip()
    print(name, "heard:", farewell)
    end = await reader.readline()
    print(name, "end of stream:", end)
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await visit(port, "ada")
    await visit(port, "bob")
    server.close()
    await server.wait_closed()
    print("connections served:", connections)


asyncio.run(main())
