# covers: set() grown with .add and .discard, | & and - of sets, membership with in and not in, len, sorted of a set of strings, set(xs) dropping repeats, set("text"), sets of small ints printed
import asyncio


async def visit(page):
    await asyncio.sleep(0.1)
    return len(page)


async def main():
    seen = set()
    for page in ["/", "/about", "/", "/blog", "/about"]:
        if page in seen:
            print("again", page)
            continue
        size = await visit(page)
        seen.add(page)
        print("visited", page, size, len(seen))
    seen.discard("/blog")
    seen.discard("/shop")
    print(sorted(seen), "/blog" in seen, "/" not in seen, len(seen))
    tags = set(["red", "blue", "red"])
    print(len(tags), sorted(tags), sorted(set("banana")))
    print(sorted(tags | {"green"}), sorted(tags & {"red", "pink"}), sorted(seen - tags), len(tags - seen))
    slots = {3, 1, 2, 3}
    slots.add(0)
    taken = {6, 5, 1}
    taken.discard(5)
    print(slots, len(slots), 2 in slots, taken, 5 in taken, {5, 4} == {4, 5})


asyncio.run(main())
