import asyncio


async def check(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} is up"


async def main():
    handled = 0
    tasks = [
        asyncio.create_task(check("db", 2.5)),
        asyncio.create_task(check("cache", 0.5)),
        asyncio.create_task(check("api", 1.5)),
    ]
    for fut in asyncio.as_completed(tasks):
        result = await fut
        handled += 1
        print(result)
        print(f"handled {handled} of 3")
    print("all checks in")


asyncio.run(main())
