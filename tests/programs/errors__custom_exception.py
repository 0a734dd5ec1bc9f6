# covers: an uncaught custom exception raised from a gather child (stderr names the class without "__main__."), raise ... from ..., earlier gather results printed
import asyncio


class QuotaError(Exception):
    def __init__(self, user, used):
        super().__init__(f"{user} used {used} MB")
        self.user = user


async def upload(user, mb):
    await asyncio.sleep(mb / 100)
    if mb > 200:
        try:
            {}[user]
        except KeyError as e:
            raise QuotaError(user, mb) from e
    print(user, "uploaded", mb)
    return mb


async def main():
    print(await asyncio.gather(upload("ann", 50), upload("ben", 150)))
    await asyncio.gather(upload("cy", 20), upload("dan", 250))


asyncio.run(main())
