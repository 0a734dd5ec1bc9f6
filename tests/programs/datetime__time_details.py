"""`time.min`/`max`/`resolution`, `isoformat(timespec=...)`, times and
datetimes as dict keys and set members, and `time.fromisoformat`."""
import asyncio
import datetime as dt


async def main():
    print(dt.time.min, dt.time.max, repr(dt.time.resolution), repr(dt.time.min), repr(dt.time.max))
    print(repr(dt.datetime.min), repr(dt.datetime.max), dt.datetime.resolution)
    print(dt.date.min, dt.date.max, dt.date.resolution, dt.timedelta.resolution)
    print(dt.datetime.max - dt.datetime.min, dt.time.min < dt.time(0, 0, 0, 1) < dt.time.max)
    print(abs(dt.timedelta(hours=-1)), repr(abs(dt.timedelta(days=-1, seconds=5))))
    x = dt.datetime(2024, 1, 2, 3, 4, 5, 678901)
    for spec in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
        print(
            spec,
            x.isoformat(timespec=spec),
            x.isoformat(" ", spec),
            x.time().isoformat(spec),
            dt.time(3, 4).isoformat(timespec=spec),
        )
    for bad in [
        lambda: x.isoformat(timespec="days"),
        lambda: x.isoformat(timespec=3),
        lambda: x.isoformat(sep=3),
        lambda: x.isoformat(sep="ab"),
        lambda: dt.time().isoformat(1),
        lambda: dt.time().isoformat(timespec="x"),
        lambda: x.isoformat(foo=1),
        lambda: dt.date(2024, 1, 1).isoformat(timespec="x"),
        lambda: dt.date(2024, 1, 1).isoformat(1),
    ]:
        try:
            bad()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    plus2 = dt.timezone(dt.timedelta(hours=2))
    aware = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=plus2)
    print(aware.isoformat(timespec="minutes"), aware.timetz().isoformat("hours"))
    seen = {dt.time(9): "nine", dt.time(9, 0): "again", dt.time(10, 30): "half past"}
    print(seen, dt.time(9) in seen, dt.time(11) in seen)
    print(len({dt.time(1), dt.time(1, 0, 0), dt.time(2)}), hash(dt.time(1)) == hash(dt.time(1, 0)))
    utc = dt.timezone.utc
    plus1 = dt.timezone(dt.timedelta(hours=1))
    print(dt.time(1, tzinfo=plus1) == dt.time(0, tzinfo=utc), dt.time(1, tzinfo=plus1) in {dt.time(0, tzinfo=utc)})
    print(dt.time(1) in {dt.time(1, tzinfo=utc)}, dt.datetime(2024, 1, 1) in {dt.datetime(2024, 1, 1, tzinfo=utc)})
    print({dt.datetime(2024, 1, 1, 12, tzinfo=plus1): "x"}.get(dt.datetime(2024, 1, 1, 11, tzinfo=utc)))
    print({dt.date(2024, 1, 1): 1}[dt.date(2024, 1, 1)], {dt.timedelta(hours=1): "h"}[dt.timedelta(minutes=60)])
    print(dt.date(2024, 1, 1) in {dt.datetime(2024, 1, 1)}, dt.timedelta(0) in {0})
    meetings = {}
    for start in (dt.time(9), dt.time(14, 30), dt.time(9, 0)):
        meetings[start] = meetings.get(start, 0) + 1
    print(sorted(meetings), [meetings[start] for start in sorted(meetings)])
    for s in [
        "01:02", "01:02:03", "01:02:03.5", "01:02:03,123", "01:02:03.1234567", "010203",
        "T01", "01:02:03+02:00", "01:02:03-0130", "01:02:03Z", "01:02:03:04", "1:02",
        "24:00", "01:02:03.", "01:02:03Zx", "01:0203", "x", "",
    ]:
        try:
            print(repr(s), repr(dt.time.fromisoformat(s)))
        except ValueError as e:
            print(repr(s), "ValueError", e)
    try:
        dt.time.fromisoformat(5)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
