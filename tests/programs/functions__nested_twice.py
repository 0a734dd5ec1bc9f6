# covers: functions nested two deep, plain and async, the innermost reading a parameter of the one around it
import asyncio


def report(label):
    def show(value):
        def bracket(text):
            return "[" + text + "]"

        return bracket(label + ": " + str(value))

    return show(1) + " " + show(2)


async def main():
    async def twice(n):
        async def double(k):
            await asyncio.sleep(0.1)
            return k * 2

        once = await double(n)
        return await double(once)

    print(report("x"), await twice(3))


asyncio.run(main())
