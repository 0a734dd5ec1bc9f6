# datetime on the virtual clock: now() is the Unix epoch plus the run's
# virtual time, in UTC; timedelta arithmetic, printing and comparisons.
import asyncio
import datetime
from datetime import date, timedelta


async def job(name, seconds, log):
    start = datetime.datetime.now()
    await asyncio.sleep(seconds)
    took = datetime.datetime.now() - start
    log.append((name, took))
    print(f"{name}: started {start:%H:%M:%S}, took {took}, {took.total_seconds()} s")


async def main():
    t0 = datetime.datetime.now()
    print(t0, repr(t0), t0.isoformat(), datetime.datetime.today() == t0)
    print(date.today(), repr(date.today()), datetime.datetime.utcnow())
    log = []
    await asyncio.gather(job("fast", 1.5, log), job("slow", 61.25, log))
    now = datetime.datetime.now()
    print(now, repr(now), now.isoformat(" "))
    elapsed = now - t0
    print(repr(elapsed), str(elapsed), elapsed > timedelta(minutes=1), elapsed.seconds, elapsed.microseconds)
    print(sorted(log, key=lambda e: e[1]))
    print(max(d for _, d in log), min(d for _, d in log) * 2, log[0][1] / log[1][1])


asyncio.run(main())

d = timedelta(days=1, hours=2, minutes=3, seconds=4.5)
print(repr(d), d, -d, repr(-d), d * 2, d / 2, d // 3, d / timedelta(hours=1), d // timedelta(hours=1))
print(timedelta(0), repr(timedelta()), timedelta(weeks=2), timedelta(milliseconds=1), timedelta(microseconds=-1))
print(repr(timedelta(seconds=-1)), timedelta(days=-2, seconds=5), bool(timedelta()), timedelta(hours=36).days)
print(timedelta(minutes=90) == timedelta(hours=1.5), timedelta(seconds=1) < timedelta(seconds=2), 2 * timedelta(hours=1))
moment = datetime.datetime(2024, 2, 28, 23, 30)
print(repr(moment), moment, moment + timedelta(hours=1), repr(moment + timedelta(days=1, minutes=30)))
print(moment.strftime("%A %d %B %Y, %I:%M %p (day %j)"), f"{moment:%Y/%m/%d}", moment.weekday(), moment.isoweekday())
print(moment.date(), repr(moment.date()), moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, moment.microsecond)
print(date(2024, 3, 1) - date(2024, 2, 1), date(2024, 12, 31) + timedelta(days=1), date(2024, 1, 1).isoformat())
print(datetime.datetime(2024, 1, 1, 12, 0, 0, 250000), repr(datetime.datetime(2024, 1, 1, 0, 0, 7)))
print(datetime.datetime.fromisoformat("2024-05-06T07:08:09"), repr(datetime.datetime.fromisoformat("2024-05-06 07:08")))
print(repr(date.fromisoformat("2023-12-25")), datetime.datetime.fromisoformat("2024-05-06"), datetime.datetime.fromtimestamp(90))
print(datetime.datetime(2024, 1, 1) < datetime.datetime(2024, 1, 2), moment.timestamp(), datetime.datetime, date, timedelta)
for bad in ["2024-13-01", "2024-02-30", "nope"]:
    try:
        datetime.datetime.fromisoformat(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
try:
    datetime.datetime(2024, 1, 1, 24)
except ValueError as e:
    print("ValueError:", e)
