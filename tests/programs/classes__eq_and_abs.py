"""A class's `__eq__` decides `==`, `!=` and `in`; its `__abs__` is what `abs()` gives."""
import asyncio


class Money:
    def __init__(self, cents, currency):
        self.cents = cents
        self.currency = currency

    def __eq__(self, other):
        return self.cents == other.cents and self.currency == other.currency

    def __abs__(self):
        return Money(abs(self.cents), self.currency)

    def __repr__(self):
        return f"Money({self.cents}, {self.currency!r})"


async def main():
    debt = Money(-250, "EUR")
    await asyncio.sleep(0.5)
    print(abs(debt), abs(-3), abs(debt) == Money(250, "EUR"))
    print(debt != Money(-250, "EUR"), debt == Money(-250, "USD"))
    wallet = [Money(100, "EUR"), Money(250, "EUR")]
    print(abs(debt) in wallet, Money(5, "EUR") in wallet, wallet)


asyncio.run(main())
