# sys.exit(n) from the main coroutine: the other tasks are cancelled and
# clean up, outer `finally` blocks run, and the program exits with status n.
import asyncio
import sys


async def worker(name):
    try:
        while True:
            await asyncio.sleep(1)
            print(f"{name} tick")
    finally:
        print(f"{name} cleans up")


async def main():
    task = asyncio.create_task(worker("w1"))
    await asyncio.sleep(2.5)
    print("giving up", file=sys.stderr)
    try:
        sys.exit(2)
    finally:
        print("main's finally runs")


try:
    asyncio.run(main())
finally:
    print("after asyncio.run")
print("never printed")
