# covers: asyncio.current_task().get_name(), default task names (Task-N), name= on create_task, names of tasks created by gather
import asyncio


async def whoami(label):
    await asyncio.sleep(0)
    print(label, "runs in", asyncio.current_task().get_name())
    return asyncio.current_task().get_name()


async def main():
    print("main is", asyncio.current_task().get_name())
    t = asyncio.create_task(whoami("first"))
    named = asyncio.create_task(whoami("second"), name="custom")
    print(await t, await named)
    names = await asyncio.gather(whoami("g1"), whoami("g2"))
    print(names)
    print(await whoami("direct await"))
    last = asyncio.create_task(whoami("last"))
    await last
    print(last.get_name())


asyncio.run(main())
