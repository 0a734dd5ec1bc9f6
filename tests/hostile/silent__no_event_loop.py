# logs: a program that never starts an event loop gets the tool's note
import asyncio


async def main():
    print("never printed")


coro = main
print("defined", coro.__name__)
