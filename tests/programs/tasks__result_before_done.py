# covers: task.result() of a task still running raises InvalidStateError (caught, printed with its message), of a finished one gives its output at once
import asyncio


async def brew(kind, seconds):
    await asyncio.sleep(seconds)
    print(kind, "brewed")
    return f"a cup of {kind}"


async def main():
    tea = asyncio.create_task(brew("tea", 1))
    coffee = asyncio.create_task(brew("coffee", 3))
    await asyncio.sleep(2)
    print("done:", tea.done(), coffee.done())
    try:
        print("tea:", tea.result())
        print("coffee:", coffee.result())
    except asyncio.InvalidStateError as e:
        print("not yet:", e)
    await asyncio.sleep(2)
    print("done:", tea.done(), coffee.done())


asyncio.run(main())
