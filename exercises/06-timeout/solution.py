import asyncio


async def ask_weather_service():
    await asyncio.sleep(10)  # the service is having a bad day
    return "sunny"


async def main():
    try:
        forecast = await asyncio.wait_for(ask_weather_service(), timeout=1)
    except asyncio.TimeoutError:
        forecast = "unknown"
    print(f"forecast: {forecast}")


asyncio.run(main())
