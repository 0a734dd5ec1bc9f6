"""An IntEnum prints as its value, orders by it, and keeps its repr."""
import asyncio
from enum import IntEnum


class Priority(IntEnum):
    LOW = 1
    NORMAL = 5
    URGENT = 9


async def handle(name, priority, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} done at priority {priority}")
    return priority


async def main():
    print(Priority.URGENT, repr(Priority.LOW), Priority.NORMAL.name)
    print(Priority.URGENT > Priority.LOW, Priority.LOW >= Priority.NORMAL)
    print(sorted([Priority.URGENT, Priority.LOW, Priority.NORMAL]))
    print(f"[{Priority.NORMAL:>3}]", Priority.URGENT.value + 1)
    results = await asyncio.gather(handle("backup", Priority.LOW, 2), handle("page", Priority.URGENT, 0.5))
    print(results)


asyncio.run(main())
