import asyncio

locks = {"alice": asyncio.Lock(), "bob": asyncio.Lock()}


async def transfer(source, target):
    first, second = sorted([source, target])
    async with locks[first]:
        await asyncio.sleep(0.1)  # check the balance
        async with locks[second]:
            print(f"{source} -> {target}: done")


async def main():
    both = asyncio.gather(transfer("alice", "bob"), transfer("bob", "alice"))
    try:
        await asyncio.wait_for(both, timeout=5)
    except asyncio.TimeoutError:
        print("stuck: gave up after 5 s")


asyncio.run(main())
