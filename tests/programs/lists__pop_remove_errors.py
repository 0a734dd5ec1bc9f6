# covers: the IndexError of pop() on an empty list and of pop(i) past the end, the ValueError of remove() of a missing item, each caught with Python's message
import asyncio


async def drain(name, jobs):
    while True:
        try:
            job = jobs.pop()
        except IndexError as e:
            print(name, "stops:", e)
            return len(jobs)
        print(name, "runs", job)
        await asyncio.sleep(0.5)


async def main():
    left = await asyncio.gather(drain("w1", ["a", "b", "c"]), drain("w2", ["d"]))
    print("left:", left)
    scores = [3, 1, 4, 1, 5]
    try:
        scores.remove(1)
        print("after remove:", scores)
        scores.remove(9)
        print("not reached")
    except ValueError as e:
        print("ValueError:", e)
    names = ["x", "y"]
    try:
        names.remove("y")
        names.remove("z")
    except ValueError as e:
        print("ValueError:", e, names)
    try:
        print("second:", scores.pop(1))
        print("last:", scores.pop(-1))
        print("tenth:", scores.pop(10))
    except IndexError as e:
        print("IndexError:", e, scores)


asyncio.run(main())
