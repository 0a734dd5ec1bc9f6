import asyncio


async def flaky_service():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)  # a round trip
    if loop.time() < 1:
        raise ConnectionError("the service is starting up")
    return "data"


async def fetch_with_retries(tries):
    for attempt in range(1, tries + 1):
        try:
            return await flaky_service()
        except ConnectionError as e:
            print(f"attempt {attempt}: {e}")
    raise ConnectionError(f"gave up after {tries} tries")


async def main():
    try:
        print(await fetch_with_retries(4))
    except ConnectionError as e:
        print(e)


asyncio.run(main())
