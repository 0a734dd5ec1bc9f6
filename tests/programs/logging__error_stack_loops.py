# covers: a log call whose %-arguments do not fit, in code run by asyncio.Runner, loop.run_until_complete and a callback of loop.run_forever: each call stack has the asyncio frames of the call that started the loop
import asyncio
import logging


async def job(n):
    logging.warning("job %d", str(n))
    return n


def stop_after(lp):
    logging.warning("stopping %d", "now")
    lp.stop()


with asyncio.Runner() as runner:
    print(runner.run(job(1)))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(job(2)))
loop.call_soon(stop_after, loop)
loop.run_forever()
loop.close()
print("done")
