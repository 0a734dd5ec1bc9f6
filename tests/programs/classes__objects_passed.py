# covers: objects passed to functions and coroutines (read there, kept afterwards, in a loop), a list of objects passed, an object returned
import asyncio


class Parcel:
    def __init__(self, label, weight):
        self.label = label
        self.weight = weight


def heavy(parcel):
    return parcel.weight > 2


def total(parcels):
    return sum(p.weight for p in parcels)


def spare(label):
    return Parcel(label, 1)


async def ship(parcel, lane):
    await asyncio.sleep(parcel.weight)
    return f"{parcel.label} via lane {lane}"


async def main():
    parcels = [Parcel("books", 3), Parcel("socks", 1)]
    extra = spare("gift")
    print(heavy(extra), extra.label, total(parcels))
    for p in parcels:
        print(p.label, heavy(p))
        print(await ship(p, 1))
    last = await ship(extra, 2)
    print(last, extra.weight, total(parcels))


asyncio.run(main())
