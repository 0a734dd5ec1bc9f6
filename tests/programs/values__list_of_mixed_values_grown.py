import asyncio


async def main():
    row = ["id", 7]
    await asyncio.sleep(0.1)
    row.append(True)
    row.insert(0, 2.5)
    row[1] = "key"
    print(row)
    print(len(row), row[-1])


asyncio.run(main())
