# covers: a TCP server streaming timed readings to a client, client reading lines until EOF in a while loop, float formatting of received values
import asyncio


async def stream_readings(reader, writer):
    for i in range(4):
        await asyncio.sleep(1)
        value = 20 + i * 0.75
        writer.write(f"temp {value:.2f}\n".encode())
        await writer.drain()
    writer.write(b"END\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(stream_readings, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    values = []
    while True:
        line = (await reader.readline()).decode().strip()
        if line == "END":
            break
        name, value = line.split()
        values.append(float(value))
        print("client got", name, value)
    print("average", sum(values) / len(values))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
