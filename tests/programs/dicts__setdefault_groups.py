# covers: grouping with d.setdefault(k, []).append(x), iterating a dict's keys with for
import asyncio


async def tag(word):
    await asyncio.sleep(len(word) * 0.1)
    return word[0]


async def main():
    by_length = {}
    by_letter = {}
    for word in ["tea", "cake", "jam", "pie", "scone", "toast"]:
        by_length.setdefault(len(word), []).append(word)
        letter = await tag(word)
        by_letter.setdefault(letter, []).append(word.upper())
    print(by_length)
    for size in by_length:
        print(size, by_length[size], len(by_length[size]))
    for letter in by_letter:
        print(letter, by_letter[letter])


asyncio.run(main())
