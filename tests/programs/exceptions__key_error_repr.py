# covers: str(KeyError(key)) is the key's repr, in single or double quotes as repr picks them, for a literal and for a variable
import asyncio


async def look(name):
    await asyncio.sleep(0.1)
    if name == "first":
        raise KeyError("it's")
    raise KeyError(name)


async def main():
    for name in ["first", "b'c", "plain", 'say "hi"']:
        try:
            await look(name)
        except KeyError as e:
            print("missing", e, repr(e))


asyncio.run(main())
