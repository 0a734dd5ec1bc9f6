# covers: a dict whose values are strings beside numbers and booleans: printed whole, item by item, in an f-string and in a list
import asyncio


async def fetch(url, ms):
    await asyncio.sleep(ms / 1000)
    return {"url": url, "ms": ms, "fast": ms < 500, "share": ms / 1000}


async def main():
    first = await fetch("/a", 200)
    second = await fetch("/b", 750)
    print(first)
    print(first["url"], first["ms"])
    print(first["fast"], first["share"])
    print(f"{second['url']} took {second['ms']} ms")
    print([r["fast"] for r in [first, second]])
    print([first["url"], second["share"]])
    kept = second["url"]
    print(kept, repr(first["url"]))


asyncio.run(main())
