# covers: recursion (a recursive coroutine computing something), recursive def, nested coroutine awaits, asyncio.gather of recursive calls
import asyncio


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


async def afib(n):
    if n < 2:
        return n
    await asyncio.sleep(0)
    a, b = await asyncio.gather(afib(n - 1), afib(n - 2))
    return a + b


async def tree_size(node, depth=0):
    await asyncio.sleep(0.1)
    name, children = node
    print("  " * depth + name)
    total = 1
    for child in children:
        total += await tree_size(child, depth + 1)
    return total


async def main():
    print([fib(n) for n in range(10)])
    print(await afib(12))
    tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("deep", [])])])])
    print("nodes:", await tree_size(tree))


asyncio.run(main())
