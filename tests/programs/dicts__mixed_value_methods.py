# covers: a dict of strings, numbers and booleans: get with and without a default (printed and repr'd), pop with and without a default, setdefault, update from a literal and from keywords
import asyncio


async def settings():
    await asyncio.sleep(0.5)
    return {"name": "svc", "workers": 4, "verbose": False}


async def main():
    s = await settings()
    print(s.get("workers"), s.get("owner"), repr(s.get("name")), s.get("owner", "nobody"))
    print(s.pop("verbose"), s.pop("absent", "none left"), s)
    print(s.setdefault("retries", 2), s.setdefault("name", "other"))
    s.update({"workers": 8, "debug": True})
    s.update(owner="ops", port=8080)
    print(s)
    for key in s:
        print(f"{key}={s[key]!r}")


asyncio.run(main())
