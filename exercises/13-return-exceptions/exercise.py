import asyncio


async def weather(city):
    await asyncio.sleep(1)
    if city == "Atlantis":
        raise LookupError(f"no such city: {city}")
    return f"{city}: 20 C"


async def main():
    try:
        reports = await asyncio.gather(
            weather("Paris"), weather("Atlantis"), weather("Oslo")
        )
    except LookupError as e:
        reports = []
        print(f"failed: {e}")
    for report in reports:
        print(report)


asyncio.run(main())
