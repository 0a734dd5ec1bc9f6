# covers: f-string specs f, +f, width, zero padding, e, g, %, and , of
# nan, inf and -inf beside a finite float, and %-formatting of nan
import asyncio


def show(value):
    print(f"fixed {value:f} [{value:.2f}] [{value:8.2f}] [{value:<8.1f}] [{value:08.2f}]")
    print(f"signed [{value:+.1f}] [{value:+8.2f}] [{value:*^+9.1f}]")
    print(f"other {value:e} {value:.2E} {value:g} {value:.3} {value:.1%} {value:,.2f}")
    print("percent [%6.2f] [%-7.1f]" % (value, value))


async def main():
    for value in [float("nan"), float("inf"), -float("inf"), 1234.5678]:
        show(value)
        await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
