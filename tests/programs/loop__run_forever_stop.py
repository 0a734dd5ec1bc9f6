# stop() ends run_forever after the callbacks already ready; what the
# stopping callback schedules runs in the next run.
import asyncio


def step(loop, n):
    print("step", n, loop.time())
    if n == 2:
        loop.call_soon(print, "scheduled before stop")
        loop.stop()
        loop.call_soon(print, "scheduled after stop")
    else:
        loop.call_later(0.5, step, loop, n + 1)


async def worker():
    for i in range(4):
        print("worker", i)
        await asyncio.sleep(0.4)


loop = asyncio.new_event_loop()
loop.call_soon(step, loop, 0)
task = loop.create_task(worker())
loop.run_forever()
print("stopped at", loop.time(), "running:", loop.is_running())
loop.stop()
loop.call_soon(print, "one iteration")
loop.run_forever()
print("second run ended")
loop.run_until_complete(task)
print("worker done", loop.time())
loop.close()
print(loop.is_closed())
