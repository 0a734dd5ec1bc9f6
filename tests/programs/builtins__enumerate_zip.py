# covers: enumerate (with start), zip, range (1-3 args), map, filter, lambda, list(), reversed range
import asyncio


async def ping(host):
    await asyncio.sleep(len(host) / 10)
    return len(host) * 3


async def main():
    print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0)))
    print(list(range(1, 10, 2)), len(range(0, 100, 7)), list(reversed(range(3))))
    hosts = ["db", "cache", "web"]
    for i, host in enumerate(hosts):
        print(i, host)
    for n, host in enumerate(hosts, start=1):
        print(f"{n}. {host}")
    print(list(enumerate("ab", 10)))
    latencies = []
    for host in hosts:
        latencies.append(await ping(host))
    for host, ms in zip(hosts, latencies):
        print(f"{host}: {ms}ms")
    print(list(zip([1, 2, 3], "ab")), list(zip()))
    print(dict(zip(hosts, latencies)))
    print(list(map(lambda h: h.upper(), hosts)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
    print(list(filter(lambda ms: ms > 6, latencies)), list(filter(None, [0, 1, "", "x"])))
    names, values = zip(*[("a", 1), ("b", 2)])
    print(names, values)
    total = 0
    for k in range(3, 0, -1):
        total += k
    print(total)


asyncio.run(main())
