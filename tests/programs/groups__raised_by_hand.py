# covers: an ExceptionGroup built by hand and raised, caught whole or split by except*, nested groups keeping their shape
import asyncio


async def validate(record):
    await asyncio.sleep(0.5)
    if record == "broken":
        raise ExceptionGroup(
            "record broken",
            [ValueError("name is empty"), KeyError("id"), ExceptionGroup("address", [TypeError("zip is not a number")])],
        )
    if record == "late":
        raise ExceptionGroup("record late", [TimeoutError("no answer")])
    print(f"{record} is valid")


async def main():
    for record in ["first", "broken", "late"]:
        try:
            await validate(record)
        except ExceptionGroup as eg:
            print(f"{eg} / {eg!r}")
    try:
        raise ExceptionGroup("batch", [ValueError("bad value"), ExceptionGroup("inner", [TypeError("bad type"), ValueError("worse value")])])
    except* ValueError as eg:
        print(f"values: {eg!r}")
    except* TypeError as eg:
        print(f"types: {eg!r}")
    try:
        try:
            raise ExceptionGroup("mixed", [KeyError("k"), RuntimeError("r")])
        except* KeyError as eg:
            print(f"keys: {eg!r}")
    except ExceptionGroup as rest:
        print(f"the rest goes on: {rest!r}")


asyncio.run(main())
