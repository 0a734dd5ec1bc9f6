import asyncio


async def query(name, seconds):
    try:
        print(f"{name}: query started")
        await asyncio.sleep(seconds)
        print(f"{name}: query done")
        return f"{name} rows"
    except asyncio.CancelledError:
        print(f"{name}: cancelled while waiting, rolling back")
        await asyncio.sleep(0.5)
        raise
    finally:
        print(f"{name}: connection closed")


async def main():
    try:
        rows = await asyncio.wait_for(query("users", 1), timeout=2)
        print(f"main: got {rows}")
    except TimeoutError:
        print("main: users timed out")
    try:
        rows = await asyncio.wait_for(query("orders", 5), timeout=2)
        print(f"main: got {rows}")
    except TimeoutError:
        print("main: orders timed out")


asyncio.run(main())
