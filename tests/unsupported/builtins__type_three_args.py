# refuse: type("X", (), {}) (creating a class dynamically)
import asyncio


async def main():
    X = type("X", (), {"a": 1})
    print(X.a)


asyncio.run(main())
