# asyncio.Runner runs several coroutines on one loop, which it closes.
import asyncio


async def double(x):
    await asyncio.sleep(1)
    return 2 * x


with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(runner.run(double(1)))
    print(runner.run(double(2)), loop.time())
    print(loop.is_closed(), runner.get_loop() is loop)
    try:
        runner.run(42)
    except ValueError as e:
        print("ValueError:", e)
print(loop.is_closed())
try:
    runner.run(double(3))
except RuntimeError as e:
    print("RuntimeError:", e)
