# covers: dict counting with get, sorted items by value with key and reverse, split, lower, dict iteration order
import asyncio


async def fetch_page(n):
    await asyncio.sleep(n * 0.5)
    pages = ["the cat sat on the mat", "The dog sat", "a cat and a dog"]
    return pages[n]


async def main():
    counts = {}
    for n in range(3):
        text = await fetch_page(n)
        for word in text.lower().split():
            counts[word] = counts.get(word, 0) + 1
    print(counts)
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    print(ranked[:3])
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{word:<4}{'*' * n}")
    lengths = {}
    for word in counts:
        lengths.setdefault(len(word), []).append(word)
    print(lengths)
    print(max(counts, key=lambda w: counts[w]), min(counts.values()), sum(counts.values()))


asyncio.run(main())
