import asyncio


async def ping(site, seconds):
    await asyncio.sleep(seconds)
    return f"{site} is up"


async def main():
    pings = [ping("slow.example", 3), ping("fast.example", 1), ping("mid.example", 2)]
    for next_answer in asyncio.as_completed(pings):
        print(await next_answer)


asyncio.run(main())
