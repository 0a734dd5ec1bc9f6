# covers: except CancelledError that swallows the cancellation and returns a value, task.cancelled() False after swallowing, task.result()
import asyncio


async def patient_download():
    received = 0
    try:
        for _ in range(10):
            await asyncio.sleep(1)
            received += 100
            print("received", received)
    except asyncio.CancelledError:
        print("cancelled; returning partial data")
        return f"partial {received}"
    return f"complete {received}"


async def main():
    t = asyncio.create_task(patient_download())
    await asyncio.sleep(2.5)
    t.cancel()
    result = await t
    print("result:", result)
    print("cancelled()", t.cancelled(), "done()", t.done(), "result()", t.result())


asyncio.run(main())
