import asyncio

running = 0
busiest = 0


async def fetch(n, sem):
    global running, busiest
    async with sem:
        running += 1
        busiest = max(busiest, running)
        print(f"fetch {n}: start ({running} running)")
        await asyncio.sleep(0.5 + n % 4 * 0.3)  # the request
        running -= 1
    return n


async def main():
    sem = asyncio.Semaphore(3)
    pages = await asyncio.gather(*(fetch(n, sem) for n in range(1, 21)))
    print(f"fetched {len(pages)} pages, at most {busiest} at once")


asyncio.run(main())
