import asyncio


def pause(seconds, times):
    """A sub-generator: each pause it yields is a request for the scheduler."""
    for _ in range(times):
        yield seconds


def worker(name, delay):
    """A generator-based task: it yields requests; send() brings the time back."""
    now = yield delay
    print(f"{name}: resumed at t={now}")
    yield from pause(delay, 2)
    print(f"{name}: back from two more pauses")
    now = yield delay
    print(f"{name}: resumed at t={now}, done")


async def scheduler(tasks):
    """A tiny event loop: it resumes each task with send() when its pause is over."""
    clock = 0
    waiting = [(0, order, name, task) for order, (name, task) in enumerate(tasks)]
    while waiting:
        waiting.sort()
        wake, order, name, task = waiting.pop(0)
        if wake > clock:
            await asyncio.sleep(wake - clock)
            clock = wake
        try:
            # A new generator (wake 0) has not reached a yield: send it None.
            delay = task.send(None if wake == 0 else clock)
        except StopIteration:
            print(f"scheduler: {name} has returned")
            continue
        waiting.append((clock + delay, order, name, task))


async def main():
    await scheduler([("a", worker("a", 1)), ("b", worker("b", 2))])
    print("main: every task is done")


asyncio.run(main())
