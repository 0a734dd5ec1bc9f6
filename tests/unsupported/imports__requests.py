# refuse: import requests
import asyncio
import requests


async def main():
    print(requests.get("https://example.com").status_code)


asyncio.run(main())
