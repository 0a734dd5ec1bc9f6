# covers: key= of sorted, min, max and list.sort (lambda, len, abs, d.get), reverse=, ties kept in order, map and filter of a lambda
import asyncio


async def ping(host, ms):
    await asyncio.sleep(ms / 1000)
    print("pinged", host)
    return ms


async def main():
    hosts = ["alpha", "bo", "carol", "dee", "ed"]
    latency = {}
    for host, ms in zip(hosts, [40, 30, 20, 40, 30]):
        latency[host] = await ping(host, ms)
    print(latency)
    print(min(latency, key=lambda h: latency[h]), max(latency, key=latency.get))
    print(sorted(latency, key=lambda h: latency[h], reverse=True))
    print(sorted(hosts, key=len), max(hosts, key=len), min(hosts, key=len))
    hosts.sort(key=lambda h: (-len(h), h))
    print(hosts)
    hosts.sort(reverse=True)
    print(hosts)
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
    print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[0], reverse=True))
    drifts = [-2.5, 1.0, 2.5, -0.5]
    print(max(drifts, key=abs), min(drifts, key=abs), sorted(drifts, key=lambda d: -d))
    print(max(-5, 3, 5, key=abs), sorted([3, 1, 2], reverse=True))
    print(list(map(lambda h: h.upper(), hosts)), list(filter(lambda h: len(h) > 2, hosts)))


asyncio.run(main())
