# covers: while with break/continue/else, if/elif/else, augmented assignment
import asyncio


async def poll(attempt):
    await asyncio.sleep(1)
    return attempt >= 3


async def main():
    attempt = 0
    while attempt < 5:
        attempt += 1
        if attempt == 2:
            print("attempt 2 skipped")
            continue
        ready = await poll(attempt)
        print("attempt", attempt, "ready" if ready else "not ready")
        if ready:
            break
    else:
        print("gave up")
    print("stopped at", attempt)
    n = 0
    while n < 3:
        n += 1
    else:
        print("while finished normally, n =", n)
    countdown = 3
    while countdown:
        print("countdown", countdown)
        countdown -= 1
        await asyncio.sleep(0.5)
    print("liftoff")


asyncio.run(main())
