# covers: a class based on one used nowhere else: the base's fields (set by super().__init__), methods and class attributes, an override the base's method calls
import asyncio


class Account:
    kind = "plain"
    fee = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount - self.fee
        self.history.append(amount)

    def label(self):
        return f"{self.kind} account"

    def describe(self):
        return f"{self.owner}: {self.label()} holding {self.balance}"


class Savings(Account):
    kind = "savings"

    def __init__(self, owner, rate):
        super().__init__(owner, 100)
        self.rate = rate

    def label(self):
        return f"{self.kind} account at {self.rate}%"

    async def add_interest(self):
        await asyncio.sleep(1)
        self.balance += self.balance * self.rate // 100


async def main():
    s = Savings("ada", 5)
    s.deposit(20)
    print(s.describe())
    await s.add_interest()
    s.deposit(7)
    s.owner = "ada lovelace"
    print(s.describe(), s.history, s.balance, s.fee)


asyncio.run(main())
