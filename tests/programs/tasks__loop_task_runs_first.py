# covers: a task made on an event loop before it runs goes first when the loop runs, and runs only while the loop runs
import asyncio


async def worker(name):
    print(name, "starts")
    await asyncio.sleep(0.5)
    print(name, "half way")
    await asyncio.sleep(1)
    print(name, "ends")


async def job():
    print("job starts")
    await asyncio.sleep(1)
    print("job ends")
    return "job result"


loop = asyncio.new_event_loop()
loop.create_task(worker("first"))
loop.create_task(worker("second"))
print("tasks made, none started")
result = loop.run_until_complete(job())
print("run over:", result)
loop.run_until_complete(asyncio.sleep(1))
loop.close()
print("loop closed")
