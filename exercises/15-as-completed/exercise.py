import asyncio


async def ping(site, seconds):
    await asyncio.sleep(seconds)
    return f"{site} is up"


async def main():
    answers = await asyncio.gather(
        ping("slow.example", 3), ping("fast.example", 1), ping("mid.example", 2)
    )
    for answer in answers:
        print(answer)


asyncio.run(main())
