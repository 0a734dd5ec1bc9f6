import asyncio


async def ask_weather_service():
    await asyncio.sleep(10)  # the service is having a bad day
    return "sunny"


async def main():
    forecast = await ask_weather_service()
    print(f"forecast: {forecast}")


asyncio.run(main())
