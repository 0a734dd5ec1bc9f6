"""`abs()` calls a class's own `__abs__`, as CPython does."""
import asyncio
class V:
    def __init__(self, x): self.x = x
    def __abs__(self): return V(abs(self.x) * 10)
    def __repr__(self): return f"V({self.x})"
class N: pass
async def main():
    print(abs(V(-2)), abs(-3))
    try: abs(N())
    except TypeError as e: print(e)
asyncio.run(main())
