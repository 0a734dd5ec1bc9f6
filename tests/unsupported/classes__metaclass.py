# refuse: metaclasses
import asyncio

class Meta(type):
    pass

class Thing(metaclass=Meta):
    pass

async def main():
    print(type(Thing()).__name__)

asyncio.run(main())
