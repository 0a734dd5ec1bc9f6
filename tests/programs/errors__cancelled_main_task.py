# covers: awaiting a cancelled task without catching CancelledError ends asyncio.run with CancelledError (last stderr line "asyncio.exceptions.CancelledError")
import asyncio


async def job():
    print("job started")
    await asyncio.sleep(5)
    print("job finished (not reached)")


async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(1)
    print("job done?", t.done())
    t.cancel()
    print("cancelled the job; now awaiting it")
    await t
    print("not reached")


asyncio.run(main())
