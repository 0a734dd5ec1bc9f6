# covers: a task of a loop closed while it waits never runs again, not even while asyncio.run runs another loop past its timer, and asyncio reports it destroyed pending at the exit
import asyncio


async def worker():
    for k in range(5):
        print("worker", k)
        await asyncio.sleep(0.5)


async def main():
    print("main starts")
    await asyncio.sleep(2)
    print("main ends")


loop = asyncio.new_event_loop()
loop.create_task(worker())
loop.run_until_complete(asyncio.sleep(0.7))
loop.close()
print("first loop closed")
asyncio.run(main())
print("done")
