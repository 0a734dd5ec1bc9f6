# covers: global statement, module-level variables shared by tasks, create_task, functions modifying globals
import asyncio

requests_served = 0
log = []


def record(event):
    log.append(event)


async def handler(name, delay):
    global requests_served
    await asyncio.sleep(delay)
    requests_served += 1
    record(f"{name}#{requests_served}")
    print(name, "served; total", requests_served)


def reset():
    global requests_served
    old = requests_served
    requests_served = 0
    return old


async def main():
    tasks = [asyncio.create_task(handler(f"req{i}", 1.5 - i * 0.5)) for i in range(3)]
    for t in tasks:
        await t
    print("log", log)
    print("reset from", reset(), "to", requests_served)
    await handler("late", 0)
    print("log", log)


asyncio.run(main())
