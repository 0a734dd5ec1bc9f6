# ends: open_connection to port 6379 refused: a demo may connect only to a server that it started with asyncio.start_server and that still listens (limit: sandbox)
import asyncio


async def main():
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", 6379)
        writer.write(b"INFO\r\n")
        print(await reader.readline())
    except Exception as e:
        print("caught", e)


asyncio.run(main())
