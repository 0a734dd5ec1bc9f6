import asyncio

made = []


def fresh_loop():
    loop = asyncio.new_event_loop()
    made.append(loop)
    print("factory called")
    return loop


async def add(a, b):
    await asyncio.sleep(1)
    print(f"adding {a} + {b}")
    return a + b


async def where():
    return asyncio.get_running_loop()


with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
    print(runner.run(add(1, 2)))
    print(runner.get_loop().is_closed())

with asyncio.Runner(loop_factory=fresh_loop) as runner:
    print(runner.run(add(3, 4)))
    print(runner.run(where()) is made[0])
    print(runner.get_loop() is made[0])
    print(runner.run(add(5, 6)))

print(len(made), made[0].is_closed())

runner = asyncio.Runner(loop_factory=fresh_loop)
print("made before use:", len(made))
print(runner.run(add(0, 1)))
runner.close()
print(len(made), made[1].is_closed())
