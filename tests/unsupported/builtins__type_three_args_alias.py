# ends: not supported yet: type() with three arguments (making a class: write a `class` statement)
import asyncio

make = type


async def main():
    try:
        X = make("X", (), {"a": 1})
    except Exception:
        print("caught by except Exception")
    try:
        X = make("X", (), {"a": 1})
    except:
        print("caught by a bare except")
    print(X.a)


asyncio.run(main())
