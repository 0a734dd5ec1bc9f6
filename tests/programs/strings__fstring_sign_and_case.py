# covers: f-string specs x X o b #X of negative integers, F of nan and inf,
# and `0` after an alignment (the fill, not zero padding)
import asyncio


def describe(offset):
    print(f"offset {offset:x} {offset:X} {offset:o} {offset:b}")
    print(f"prefixed {offset:#x} {offset:#X} {offset:+#o}")
    print(f"padded [{offset:>8x}] [{offset:<8x}] [{offset:*^10b}]")


def reading(value):
    print(f"reading {value:F} [{value:10.2F}] [{value:-<9.1F}] [{value:08.1F}]")


async def main():
    for offset in [-255, 0, 4096]:
        describe(offset)
        await asyncio.sleep(0.1)
    print(f"color {0xC0FFEE:#X} [{255:#08X}] [{255:>+#7X}]")
    for value in [float("nan"), float("inf"), -float("inf"), 2.5]:
        reading(value)
    for code in [7, -7]:
        print(f"code [{code:<05d}] [{code:^05}] [{code:*<05}]")


asyncio.run(main())
