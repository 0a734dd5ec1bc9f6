# covers: the examples of CPython's asyncio-task documentation for timeout, reschedule, timeout_at, wait and shield, run as written
import asyncio
from asyncio import get_running_loop, shield, CancelledError


async def long_running_task():
    await asyncio.sleep(3600 / 100)
    return "long result"


async def something():
    await asyncio.sleep(1)
    return "something"


async def timeout_example():
    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")


async def reschedule_example():
    try:
        # We do not know the timeout when starting, so we pass ``None``.
        async with asyncio.timeout(None) as cm:
            # We know the timeout now, so we reschedule it.
            new_deadline = get_running_loop().time() + 10
            cm.reschedule(new_deadline)

            await long_running_task()
    except TimeoutError:
        pass

    if cm.expired():
        print("Looks like we haven't finished on time.")


async def timeout_at_example():
    loop = get_running_loop()
    deadline = loop.time() + 20
    try:
        async with asyncio.timeout_at(deadline):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")


async def foo():
    return 42


async def wait_example():
    task = asyncio.create_task(foo())
    done, pending = await asyncio.wait({task})

    if task in done:
        # Everything will work as expected now.
        print("done:", task.result())


async def shield_example():
    res = await shield(something())
    print(res)

    task = asyncio.create_task(something())
    try:
        res = await shield(task)
    except CancelledError:
        res = None
    print(res)


async def main():
    await timeout_example()
    await reschedule_example()
    await timeout_at_example()
    await wait_example()
    await shield_example()
    print("end", get_running_loop().time())


asyncio.run(main())
