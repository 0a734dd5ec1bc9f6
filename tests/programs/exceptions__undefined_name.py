# covers: NameError of a name the module never binds, read by a function and as a statement
import asyncio


def setting():
    return missing_setting


async def main():
    for attempt in [1, 2]:
        await asyncio.sleep(0.1)
        try:
            setting()
        except NameError as e:
            print("attempt", attempt, "NameError:", e)
    try:
        not_there
    except Exception as e:
        print(type(e).__name__, e)
    print("done")


asyncio.run(main())
