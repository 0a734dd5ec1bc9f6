# output: caught RuntimeError('Cannot run the event loop while another loop is running')
import asyncio


async def inner():
    return 1


async def main():
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(inner()))
    except Exception as e:
        print("caught", repr(e))
    except:
        print("caught by a bare except")


asyncio.run(main())
