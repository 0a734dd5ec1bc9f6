# covers: datetime.timezone (utc, fixed offsets with and without a name), aware datetimes (now(tz), tzinfo=, astimezone, utcoffset, tzname, isoformat and str with the offset, strftime %z %Z, timestamp), aware and naive mixed, replace, fromisoformat with an offset
import asyncio
from datetime import UTC, date, datetime, timedelta, timezone

utc = timezone.utc
paris = timezone(timedelta(hours=2), "CEST")
india = timezone(timedelta(hours=5, minutes=30))
west = timezone(timedelta(hours=-5))
print(repr(utc), str(utc), UTC is utc)
print(repr(paris), str(paris), repr(india), str(india), str(west))
print(paris == timezone(timedelta(hours=2)), utc == timezone(timedelta(0), "Z"))
print(paris.utcoffset(None), paris.tzname(None), paris.dst(None))

meeting = datetime(2024, 3, 1, 12, 30, tzinfo=paris)
print(repr(meeting))
print(meeting, meeting.isoformat(), f"{meeting}")
print(meeting.utcoffset(), meeting.tzname(), meeting.dst(), meeting.tzinfo)
print(meeting.strftime("%H:%M %z %Z"), datetime(2024, 1, 1).strftime("[%z][%Z]"))
print(meeting.astimezone(utc), meeting.astimezone(india), meeting.astimezone(west))
print(meeting.timestamp(), meeting.astimezone(utc).timestamp())
print(meeting == meeting.astimezone(utc), meeting < meeting.astimezone(india) + timedelta(seconds=1))
print(meeting - datetime(2024, 3, 1, 12, 0, tzinfo=utc))
print(repr(meeting + timedelta(hours=1)), repr(timedelta(days=1) + meeting))
print(hash(meeting) == hash(meeting.astimezone(utc)))

naive = datetime(2024, 3, 1, 12, 30)
print(naive == meeting, naive != meeting, naive.utcoffset(), naive.tzname(), naive.tzinfo)
for attempt in (lambda: naive < meeting, lambda: naive - meeting, lambda: meeting > naive):
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)
print(repr(naive.astimezone()), repr(naive.astimezone(paris)))
print(repr(meeting.replace(tzinfo=None)), repr(naive.replace(tzinfo=utc)))
print(repr(meeting.replace(hour=1, day=2)), repr(date(2024, 1, 31).replace(month=2, day=29)))
for text in ["2024-03-01T12:30:00+02:00", "2024-03-01 12:30Z", "2024-03-01T12:30:00-0530", "2024-03-01T08:00:00+00:00"]:
    print(repr(datetime.fromisoformat(text)))
print(repr(datetime.fromtimestamp(0, timezone.utc)), repr(datetime.fromtimestamp(90, tz=paris)))

for bad in (lambda: timezone(timedelta(hours=24)), lambda: timezone(timedelta(hours=1), 5),
            lambda: datetime(2024, 1, 1, tzinfo=5), lambda: datetime.now(3)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


async def main():
    start = datetime.now(timezone.utc)
    await asyncio.sleep(90)
    later = datetime.now(paris)
    print(start, later, later - start, repr(start.tzinfo))
    print(datetime.now(UTC).isoformat())


asyncio.run(main())
