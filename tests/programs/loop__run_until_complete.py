# run_until_complete runs the loop until one future is done; tasks left
# pending wait for the next run; errors of a closed or running loop.
import asyncio


async def ticker(name, n):
    for i in range(n):
        print(f"{name} tick {i}")
        await asyncio.sleep(1)
    return name


async def fails():
    await asyncio.sleep(0.5)
    raise ValueError("no luck")


async def inside(loop):
    print("running:", loop.is_running(), asyncio.get_running_loop() is loop)
    print("get_event_loop is the running loop:", asyncio.get_event_loop() is loop)
    try:
        loop.run_until_complete(loop.create_future())
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "inside done"


loop = asyncio.new_event_loop()
print(loop, loop.time())
background = loop.create_task(ticker("bg", 5))
print(loop.run_until_complete(ticker("fg", 2)))
print("between runs, bg done:", background.done(), "time", loop.time())
print(loop.run_until_complete(inside(loop)))
try:
    loop.run_until_complete(fails())
except ValueError as e:
    print("ValueError:", e)
print(loop.run_until_complete(background))
fut = loop.create_future()
loop.call_later(2, fut.set_result, "from a timer")
print(loop.run_until_complete(fut), loop.time())
try:
    loop.run_until_complete(42)
except TypeError as e:
    print("TypeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()
loop.close()
for call in (lambda: loop.run_forever(), lambda: loop.call_soon(print, "x")):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
