# covers: a download manager with named tasks, progress prints, a timeout for one download, summary with sorted and f-string alignment
import asyncio


async def download(name, size, speed):
    received = 0
    while received < size:
        await asyncio.sleep(1)
        received = min(size, received + speed)
        print(f"{name}: {received * 100 // size:3d}%")
    return size


async def guarded(name, size, speed, limit):
    try:
        return await asyncio.wait_for(download(name, size, speed), timeout=limit)
    except asyncio.TimeoutError:
        print(f"{name}: timed out after {limit}s")
        return 0


async def main():
    jobs = [("movie.mkv", 300, 100, 10), ("song.mp3", 40, 20, 10), ("backup.tar", 500, 100, 2.5)]
    tasks = [asyncio.create_task(guarded(*job), name=job[0]) for job in jobs]
    sizes = {}
    for t in tasks:
        sizes[t.get_name()] = await t
    for name, size in sorted(sizes.items(), key=lambda kv: kv[1], reverse=True):
        status = "ok" if size else "failed"
        print(f"{name:<12}{size:>5} MB  {status}")
    print("total", sum(sizes.values()), "MB")


asyncio.run(main())
