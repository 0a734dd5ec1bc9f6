"""An event loop runs from any code CPython allows: a nested function, a
method, a `__main__` guard inside a function, a function called through
others, a Runner used in a method."""
import asyncio


async def double(x):
    await asyncio.sleep(1)
    return x * 2


class App:
    def __init__(self, n):
        self.n = n

    def start(self):
        return asyncio.run(double(self.n))

    def run_twice(self):
        with asyncio.Runner() as runner:
            first = runner.run(double(self.n))
            second = runner.run(double(first))
        return first, second

    @staticmethod
    def on_new_loop(x):
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(double(x))
        finally:
            loop.close()


def outer():
    def inner(x):
        return asyncio.run(double(x))

    return inner(10) + inner(20)


def guarded():
    if __name__ == "__main__":
        print("guarded", asyncio.run(double(7)))


def level3():
    return asyncio.run(double(3))


def level2():
    return level3() + 1


def level1():
    return level2() + 1


app = App(5)
print("method", app.start())
print("runner in a method", app.run_twice())
print("static method", App.on_new_loop(4))
print("nested", outer())
guarded()
print("through two calls", level1())
