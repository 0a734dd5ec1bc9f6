# covers: a future made only for its done callbacks: nothing awaits it, and set_result runs them once main awaits, behind the task created first
import asyncio

events = []


async def worker(name, delay):
    events.append(f"{name} starts")
    await asyncio.sleep(delay)
    events.append(f"{name} ends")


async def main():
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    ready.add_done_callback(lambda _: events.append("first callback"))
    ready.add_done_callback(lambda _: events.append("second callback"))
    task = asyncio.create_task(worker("worker", 1))
    ready.set_result("go")
    events.append("resolved")
    await task
    print(events)


asyncio.run(main())
