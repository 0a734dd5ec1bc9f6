# covers: a crawler over a fake link graph, sets of visited pages printed sorted, recursion depth limit, gather of a list of coroutines, dict of lists
import asyncio

LINKS = {
    "/": ["/about", "/blog", "/shop"],
    "/about": ["/", "/team"],
    "/blog": ["/blog/1", "/blog/2", "/about"],
    "/blog/1": ["/blog/2"],
    "/blog/2": [],
    "/shop": ["/shop/cart"],
    "/team": [],
    "/shop/cart": ["/"],
}


async def fetch(url):
    await asyncio.sleep(len(url) * 0.1)
    return LINKS.get(url, [])


async def crawl(url, visited, depth, max_depth=2):
    if url in visited or depth > max_depth:
        return
    visited.add(url)
    links = await fetch(url)
    print(f"{'  ' * depth}{url} -> {len(links)} links")
    await asyncio.gather(*[crawl(link, visited, depth + 1, max_depth) for link in links])


async def main():
    visited = set()
    await crawl("/", visited, 0)
    print("visited", len(visited), sorted(visited))
    print("not visited", sorted(set(LINKS) - visited))


asyncio.run(main())
