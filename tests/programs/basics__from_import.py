# covers: from asyncio import ... (run, sleep, gather, create_task, CancelledError, TimeoutError, wait_for), names used without the asyncio. prefix
from asyncio import run, sleep, gather, create_task
from asyncio import CancelledError, TimeoutError, wait_for


async def brew(drink, minutes):
    await sleep(minutes)
    print(drink, "ready")
    return drink


async def main():
    order = await gather(brew("tea", 3), brew("coffee", 2))
    print("served", order)
    kettle = create_task(brew("kettle", 10))
    await sleep(1)
    kettle.cancel()
    try:
        await kettle
    except CancelledError:
        print("kettle switched off")
    try:
        await wait_for(brew("soup", 5), timeout=1)
    except TimeoutError as e:
        print("soup took too long:", type(e).__name__)


run(main())
