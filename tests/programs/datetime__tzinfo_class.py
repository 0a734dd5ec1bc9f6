"""Time zone classes of one's own: offsets, names and daylight saving time
come from their Python methods, checked as CPython checks them."""
import asyncio
import datetime as dt


class Fixed(dt.tzinfo):
    def __init__(self, hours, name):
        self.offset = dt.timedelta(hours=hours)
        self.name = name

    def utcoffset(self, when):
        return self.offset

    def tzname(self, when):
        return self.name

    def dst(self, when):
        return dt.timedelta(0)

    def __repr__(self):
        return f"Fixed({self.name})"


class Berlin(dt.tzinfo):
    """One hour east of UTC, two from April to September."""

    def utcoffset(self, when):
        return dt.timedelta(hours=1) + self.dst(when)

    def dst(self, when):
        if when is None:
            return dt.timedelta(0)
        return dt.timedelta(hours=1) if 4 <= when.month <= 9 else dt.timedelta(0)

    def tzname(self, when):
        return "CEST" if self.dst(when) else "CET"

    def __repr__(self):
        return "Berlin()"


class Floating(dt.tzinfo):
    def utcoffset(self, when):
        return None

    def tzname(self, when):
        return None

    def dst(self, when):
        return None

    def __repr__(self):
        return "Floating()"


class Broken(dt.tzinfo):
    def __init__(self, value):
        self.value = value

    def utcoffset(self, when):
        return self.value

    def __repr__(self):
        return f"Broken({self.value!r})"


class Bare(dt.tzinfo):
    pass


async def main():
    await asyncio.sleep(90.5)
    tokyo = Fixed(9, "JST")
    now = dt.datetime.now(tokyo)
    print(now, repr(now))
    print(now.isoformat(), now.strftime("%H:%M %Z %z"), now.tzname(), now.utcoffset(), now.dst())
    print(f"{now:%Y-%m-%d %H:%M:%S %Z}")
    berlin = Berlin()
    for month in (1, 7):
        when = dt.datetime(2024, month, 15, 12, 0, tzinfo=berlin)
        print(when, when.tzname(), when.dst(), when.astimezone(dt.timezone.utc), when.timestamp())
    noon = dt.datetime(2024, 7, 15, 12, 0, tzinfo=dt.timezone.utc)
    print(noon.astimezone(berlin), noon.astimezone(tokyo), noon.astimezone(berlin).tzname())
    print(dt.datetime.fromtimestamp(0, berlin), dt.datetime.fromtimestamp(86400 * 200, berlin))
    a = dt.datetime(2024, 7, 15, 21, 0, tzinfo=tokyo)
    b = dt.datetime(2024, 7, 15, 14, 0, tzinfo=berlin)
    print(a == b, a < b, a - b, b - a, hash(a) == hash(b))
    print(b + dt.timedelta(days=90), (b + dt.timedelta(days=90)).tzname())
    print(b.replace(tzinfo=tokyo), b.replace(tzinfo=None), b.astimezone(b.tzinfo) is b)
    print(isinstance(tokyo, dt.tzinfo), isinstance(dt.timezone.utc, dt.tzinfo))
    floating = dt.datetime(2024, 1, 1, tzinfo=Floating())
    print(floating, floating.utcoffset(), floating.tzname(), repr(floating.strftime("[%z][%Z]")))
    print(floating == dt.datetime(2024, 1, 1), floating.astimezone(dt.timezone.utc))
    t = dt.time(8, 30, tzinfo=tokyo)
    print(t, t.utcoffset(), t.tzname(), t.strftime("%H:%M %Z %z"), repr(t), t.dst())
    print(dt.time(8, 30, tzinfo=berlin).utcoffset(), dt.time(1, tzinfo=tokyo) < dt.time(1, tzinfo=berlin))
    for value in [5, dt.timedelta(hours=30), None]:
        when = dt.datetime(2024, 1, 1, tzinfo=Broken(value))
        for what in ("isoformat", "now", "compare", "timestamp"):
            try:
                if what == "isoformat":
                    print(when.isoformat())
                elif what == "now":
                    print(dt.datetime.now(Broken(value)))
                elif what == "compare":
                    print(when < dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
                else:
                    print(when.timestamp())
            except (TypeError, ValueError) as e:
                print(what, type(e).__name__, e)
    bare = dt.datetime(2024, 1, 1, tzinfo=Bare())
    for call in (bare.utcoffset, bare.tzname, bare.dst, lambda: dt.datetime.now(Bare())):
        try:
            call()
        except NotImplementedError as e:
            print("NotImplementedError", e)
    for make in (
        lambda: dt.datetime(2024, 1, 1, tzinfo=5),
        lambda: Fixed(1, "x").fromutc(dt.datetime(2024, 1, 1)),
        lambda: Fixed(1, "x").fromutc(5),
    ):
        try:
            make()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
