# covers: f-strings with format specs :.2f :>8 :<5 :^7 :05d :, :x :b :e :% :g
import asyncio


async def main():
    price = 1234.5678
    print(f"{price:.2f}|{price:.0f}|{price:10.1f}|")
    print(f"[{'right':>8}] [{'left':<5}] [{'mid':^7}]")
    print(f"[{42:>8}] [{42:<5}] [{42:^7}]")
    print(f"{7:05d} {-7:05d} {123456:05d}")
    print(f"{1234567:,} {1234567.891:,.2f} {-1000:,}")
    print(f"{255:x} {255:X} {255:#x} {10:b} {10:#b} {8:o}")
    print(f"{12345.678:e} {0.00012:.2e} {1e20:E}")
    print(f"{0.256:%} {0.256:.1%} {1:.0%}")
    print(f"{1234.5:g} {0.00001234:g} {1e20:g} {100.0:g} {2.5:g}")
    print(f"{'ab':*^9} {3.14159:+.3f} {42:+d} {-42:+d}")
    print(f"{'x':>3}{'y':>3}{'z':>3}")
    print(f"{True} {None} {[1, 2]} {(1,)}")
    print(f"{5:3d}|{5:<3d}|{5:^3d}|")
    print(f"{3.0:.3g} {1/3:.4} {2/3:.10f}")
    print(f"{{braces}} {1 + 2} {'nested' + '!'}")
    for x in [0.5, 12.25, 300.125]:
        print(f"{x:>10.2f}|{x:<10.3f}|{x:^10.1f}|")


asyncio.run(main())
