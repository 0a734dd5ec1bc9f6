# covers: sets ordered by inclusion: <= and >= (subset, superset), the strict < and >, of sets kept in variables and of set displays
import asyncio


async def granted(user):
    await asyncio.sleep(0.1)
    if user == "ada":
        return {1, 2, 3}
    return {2}


async def main():
    needed = {2, 3}
    ada = await granted("ada")
    bob = await granted("bob")
    print(needed <= ada, needed <= bob, ada >= needed, bob >= needed)
    print(needed < ada, ada > needed, ada < ada, ada <= ada, bob < needed)
    print({1} <= {1, 2}, {1, 2} >= {3}, set() <= bob, ada >= set())
    for name, perms in [("ada", ada), ("bob", bob)]:
        if perms >= needed:
            print(name, "may deploy")
        else:
            print(name, "lacks", sorted(needed - perms))


asyncio.run(main())
