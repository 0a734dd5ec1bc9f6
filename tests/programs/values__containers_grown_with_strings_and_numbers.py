import asyncio

events = []


def note(what):
    events.append(what)


async def job(name, seconds):
    await asyncio.sleep(seconds)
    note(name)
    events.append(seconds)


async def main():
    row = {}
    row["name"] = "disk"
    row["free"] = 42
    row["ok"] = True
    await asyncio.gather(job("a", 0.2), job("b", 0.1))
    print(events)
    print(row, row["free"])
    for item in events:
        print(item)


asyncio.run(main())
