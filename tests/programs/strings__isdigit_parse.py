# covers: str isdigit isalpha, int() from str, str.format, continue in for loop
import asyncio


async def read_sensor(raw):
    await asyncio.sleep(0.2)
    return raw.strip()


async def main():
    raws = ["12", " 7 ", "abc", "3x", "", "100", "x"]
    total = 0
    for raw in raws:
        value = await read_sensor(raw)
        if value.isdigit():
            total += int(value)
            print("number", value)
            continue
        if value.isalpha():
            print("word", value)
            continue
        print("skip {!r}".format(value))
    print("total", total)
    print("123".isdigit(), "12.5".isdigit(), "-1".isdigit(), "".isdigit())
    print("abc".isalpha(), "ab1".isalpha(), "".isalpha(), "Ünï".isalpha())
    print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"))
    print("Total: {total} from {n} readings".format(total=total, n=len(raws)))


asyncio.run(main())
