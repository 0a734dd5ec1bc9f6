# covers: try/except/else/finally ordering, finally with return, finally running on break and continue
import asyncio


async def attempt(n):
    print(f"attempt {n}: start")
    try:
        await asyncio.sleep(0.5)
        if n % 2:
            raise ValueError(f"odd {n}")
    except ValueError as e:
        print(f"attempt {n}: except {e}")
        return "failed"
    else:
        print(f"attempt {n}: else")
        return "ok"
    finally:
        print(f"attempt {n}: finally")


def tricky():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


async def main():
    for n in range(3):
        print("result:", await attempt(n))
    print(tricky())
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    try:
        pass
    except Exception:
        print("not printed")
    else:
        print("else after no exception")
    finally:
        print("done")


asyncio.run(main())
