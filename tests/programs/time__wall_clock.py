# The wall clock of a run: the Unix epoch plus the virtual time, in UTC.
import asyncio
import time


async def main():
    start = time.time()
    print(start, time.localtime())
    await asyncio.sleep(1861.25)
    now = time.time()
    t = time.localtime()
    print(now - start, t)
    print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
    print(t[0], t[:3], tuple(t)[-3:], len(t), t == time.gmtime(now))
    print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %%"))
    print(time.strftime("%c | %x | %X | %z | %Z", t))
    print(time.asctime(), "|", time.ctime(), "|", time.ctime(0))
    print(time.mktime(t), time.mktime((2024, 2, 29, 12, 30, 0, 0, 0, 0)))
    print(time.gmtime(1709209800))
    print(time.strftime("%d/%m/%Y", time.gmtime(951782400)), time.gmtime(-1).tm_year)
    time.sleep(1200)
    print(time.strftime("%H:%M:%S"), time.monotonic() - now)


asyncio.run(main())
print(time.time(), time.strftime("%H:%M"))
