# covers: str encode, bytes decode, bytes repr, len of bytes
import asyncio


async def send(payload):
    await asyncio.sleep(0.1)
    return payload + b"\n"


async def main():
    text = "hello"
    data = text.encode()
    print(data, type(data).__name__, len(data))
    wire = await send(data)
    print(wire)
    print(wire.decode(), wire.decode().strip())
    e = "café".encode()
    print(e, len("café"), len(e))
    print(e.decode() == "café")
    print(b"abc" + b"def", b"x" * 3)
    print(b"it's", b'say "hi"', b"tab\t")
    print("naïve".encode("utf-8").decode("utf-8"))
    print(repr(b"".decode()), b"" == bytes())
    msg = "PING 3\r\n".encode()
    print(msg, msg.decode().strip().split())


asyncio.run(main())
