# covers: a plain class with fields, plain and async methods, objects made, fields read and methods called and awaited outside the class
import asyncio


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def describe(self):
        return f"{self.owner} has {self.balance}"

    async def transfer(self, amount, delay):
        await asyncio.sleep(delay)
        self.balance -= amount
        print(f"{self.owner} sent {amount}")
        return self.describe()


async def main():
    acc = Account("ada", 10)
    print(acc.deposit(5))
    left = await acc.transfer(3, 1)
    print(acc.owner, left, acc.balance)
    acc.deposit(1)
    await acc.transfer(2, 0.5)
    print(await acc.transfer(4, 0.5), acc.balance)


asyncio.run(main())
