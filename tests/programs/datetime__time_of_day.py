"""datetime.time: construction, fields, printing, comparison, replace and
strftime; datetime.combine, datetime.time() and datetime.timetz()."""
import asyncio
import datetime
from datetime import date, time, timedelta, timezone

PARIS = timezone(timedelta(hours=1), "CET")


async def main():
    t = time(9, 30)
    print(t, repr(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo)
    print(repr(time()), repr(time(7, 0, 5)), repr(time(7, 0, 0, 12)), str(time(23, 59, 59, 999999)))
    print(time(hour=18, second=3).isoformat(), f"{t}", f"{t:%H.%M %p}", format(t, ""))
    print(t.strftime("%I:%M:%S %p|%H%M|%Y-%m-%d|%f"))
    aware = time(12, 15, tzinfo=PARIS)
    print(aware, repr(aware), aware.utcoffset(), aware.tzname(), aware.dst(), t.utcoffset())
    print(aware.strftime("%H:%M %Z %z"), time(1, tzinfo=timezone.utc).isoformat())
    print(t < time(10), t == time(9, 30), t != time(9, 30, 1), max(time(3), time(1), time(2)))
    print(aware == time(11, 15, tzinfo=timezone.utc), aware == t, sorted([time(5), time(4, 59)]))
    print(t.replace(minute=45), t.replace(15), repr(t.replace(tzinfo=PARIS)), t.replace(second=1) > t)
    for bad in [lambda: time(24), lambda: time(1, 60), lambda: time(1, 1, 1, 10**6), lambda: time("1")]:
        try:
            bad()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        t < aware
    except TypeError as e:
        print("TypeError:", e)
    d = date(2024, 2, 29)
    dt = datetime.datetime.combine(d, t)
    print(dt, repr(dt), dt.time(), dt.date(), dt.timetz())
    dz = datetime.datetime.combine(d, aware)
    print(dz, dz.time(), repr(dz.timetz()), dz.tzinfo)
    print(datetime.datetime.combine(d, t, tzinfo=timezone.utc), datetime.datetime.combine(d, aware, None))
    await asyncio.sleep(90.5)
    now = datetime.datetime.now()
    print(now.time(), now.time() > time(0, 1), isinstance(now.time(), time))


asyncio.run(main())
