# covers: and/or give back an operand (not True/False), x or default of a value that may be None, and/or as tests in if/while/not
import asyncio


async def lookup(key):
    await asyncio.sleep(0.1)
    if key == "name":
        return "Ada"
    if key == "city":
        return ""
    return None


async def stock(item):
    await asyncio.sleep(0.1)
    if item == "pears":
        return 0
    if item == "plums":
        return 12
    return None


async def main():
    print(1 and 2, 0 and 2, "" or "default", "x" or "y", 3 and 0 and 5)
    name = await lookup("name")
    city = await lookup("city") or "unknown city"
    print(name or "nobody", city)
    for item in ["pears", "plums", "kiwis"]:
        count = await stock(item) or 1
        print(item, count)
    retries = 0
    limit = retries or 3
    print("limit", limit)
    tags = []
    shown = tags or ["untagged"]
    print(shown, tags)
    note = ""
    while limit and not note:
        limit -= 1
        if limit < 2:
            note = "ready"
    label = note or "waiting"
    print(limit, label, not (limit and note))
    if name and city:
        print("both known:", name, city)


asyncio.run(main())
