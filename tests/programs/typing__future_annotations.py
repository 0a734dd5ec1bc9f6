"""Under `from __future__ import annotations` annotations stay strings,
so names defined later (or never) may appear in them."""
from __future__ import annotations

import asyncio

count: int = 0
pending: list[Job]


class Job:
    owner: Worker | None = None

    def run(self, queue: asyncio.Queue[Job], *, retries: int = 2) -> Result:
        return None


async def main() -> None:
    print(Job.run.__annotations__)
    print(Job.__annotations__, __annotations__)
    print(main.__annotations__)


asyncio.run(main())
