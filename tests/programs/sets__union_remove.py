# covers: set.union/intersection/difference of a set, a list and a set display, set.remove, and the KeyError of removing what a set does not hold
import asyncio


async def members(team):
    await asyncio.sleep(0.2)
    if team == "red":
        return {"ada", "bob", "cy"}
    return {"bob", "dee"}


async def main():
    red = await members("red")
    blue = await members("blue")
    print(sorted(red.union(blue)), sorted(red.intersection(blue)), sorted(red.difference(blue)))
    print(sorted(blue.union(["eve", "ada"])), sorted(blue.intersection({"dee", "zed"})))
    scores = {10, 20, 30}
    more = scores.union({5})
    fewer = scores.difference([20, 99])
    print(sorted(more), sorted(fewer), len(scores.intersection(range(15))))
    scores.remove(20)
    print(sorted(scores), 20 in scores)
    for n in [10, 20]:
        try:
            scores.remove(n)
            print("removed", n)
        except KeyError as e:
            print("KeyError:", e)
    try:
        red.remove("zed")
    except KeyError as e:
        print("KeyError:", e, sorted(red))


asyncio.run(main())
