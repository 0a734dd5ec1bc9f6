# covers: single inheritance with super() (super().__init__ and super().method()), method override, isinstance with subclasses
import asyncio


class Worker:
    kind = "generic"

    def __init__(self, name, delay):
        self.name = name
        self.delay = delay

    async def run(self):
        await asyncio.sleep(self.delay)
        return self.describe()

    def describe(self):
        return f"{self.kind} worker {self.name}"


class Downloader(Worker):
    kind = "download"

    def __init__(self, name, delay, url):
        super().__init__(name, delay)
        self.url = url

    def describe(self):
        return super().describe() + f" fetched {self.url}"


class FastDownloader(Downloader):
    async def run(self):
        print(f"{self.name}: skipping the wait")
        self.delay = 0
        return await super().run()


async def main():
    workers = [Worker("w1", 1), Downloader("d1", 2, "/a"), FastDownloader("f1", 5, "/b")]
    for w in workers:
        print(await w.run())
    for w in workers:
        print(w.name, type(w).__name__, isinstance(w, Worker), isinstance(w, Downloader))
    print(FastDownloader.kind, isinstance(workers[2], (int, Downloader)))


asyncio.run(main())
