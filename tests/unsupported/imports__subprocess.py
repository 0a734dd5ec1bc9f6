# refuse: import subprocess
import asyncio
import subprocess


async def main():
    subprocess.run(["ls"])


asyncio.run(main())
