# covers: an uncaught KeyError (stderr shows the repr of the key), dict lookup after awaits, finally printing before the traceback
import asyncio


async def load_user(users, name):
    await asyncio.sleep(0.25)
    return users[name]


async def main():
    users = {"ada": 36, "bob": 20}
    try:
        for name in ["ada", "bob", "carol"]:
            print(name, await load_user(users, name))
    finally:
        print("finally runs before the traceback")


asyncio.run(main())
