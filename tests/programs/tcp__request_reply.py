# covers: line-based request/reply protocol over TCP, server handler parsing commands with split, server-side asyncio.sleep, int() parsing, readline returning b"" at EOF
import asyncio


async def handle(reader, writer):
    while True:
        raw = await reader.readline()
        if not raw:
            break
        command, *args = raw.decode().strip().split()
        if command == "ADD":
            reply = str(sum(int(a) for a in args))
        elif command == "UPPER":
            reply = " ".join(args).upper()
        elif command == "SLOW":
            await asyncio.sleep(float(args[0]))
            reply = "slept " + args[0]
        else:
            reply = "ERR unknown " + command
        writer.write((reply + "\n").encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(reader, writer, request):
    writer.write((request + "\n").encode())
    await writer.drain()
    answer = (await reader.readline()).decode().strip()
    print(f"{request!r:>18} -> {answer!r}")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for request in ["ADD 1 2 3", "UPPER make me loud", "SLOW 1.5", "PING", "ADD 40 2"]:
        await ask(reader, writer, request)
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.1)
    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main())
