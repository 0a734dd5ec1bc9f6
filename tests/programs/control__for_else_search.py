# covers: for with break/continue/else, nested loops, in, not in
import asyncio


async def check(server):
    await asyncio.sleep(0.1)
    return server.endswith("2")


async def main():
    servers = ["srv1", "srv2", "srv3"]
    for s in servers:
        if await check(s):
            print("found healthy", s)
            break
        print(s, "unhealthy")
    else:
        print("none healthy")
    for s in ["x1", "x3"]:
        if await check(s):
            break
    else:
        print("no healthy x server")
    for n in range(2, 20):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            print(n, "is prime")
    for word in ["alpha", "", "beta", "skip", "gamma"]:
        if not word:
            continue
        if word == "skip":
            continue
        print(word.upper())
    for _ in []:
        print("never")
    else:
        print("empty loop still runs else")


asyncio.run(main())
