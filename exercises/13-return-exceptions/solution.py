import asyncio


async def weather(city):
    await asyncio.sleep(1)
    if city == "Atlantis":
        raise LookupError(f"no such city: {city}")
    return f"{city}: 20 C"


async def main():
    reports = await asyncio.gather(
        weather("Paris"), weather("Atlantis"), weather("Oslo"),
        return_exceptions=True,
    )
    for report in reports:
        if isinstance(report, Exception):
            print(f"error: {report}")
        else:
            print(report)


asyncio.run(main())
