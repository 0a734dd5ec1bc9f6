# covers: augmented assignment (+= -= *= /= //= %= **=), attribute and subscript targets, chained assignment
import asyncio


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []


async def deposit(acct, amount):
    await asyncio.sleep(0.1)
    acct.balance += amount
    acct.history += [amount]


async def main():
    acct = Account("ada")
    for amount in [100, 50, 25]:
        await deposit(acct, amount)
    print(acct.owner, acct.balance, acct.history)
    acct.balance -= 75
    acct.balance *= 3
    print(acct.balance)
    acct.balance //= 7
    print(acct.balance)
    acct.balance %= 5
    print(acct.balance)
    acct.balance **= 3
    print(acct.balance)
    x = 7
    x /= 2
    print(x)
    counts = {"a": 0, "b": 10}
    counts["a"] += 1
    counts["b"] -= 3
    print(counts)
    grid = [[0, 0], [0, 0]]
    grid[1][0] += 5
    grid[0][1] = grid[1][1] = 9
    print(grid)
    s = "ab"
    s += "cd"
    s *= 2
    print(s)
    nums = [1]
    nums *= 3
    nums += (4, 5)
    print(nums)


asyncio.run(main())
