# covers: collections.deque with maxlen as a sliding window of results, its methods, indexing, repr, equality, errors and mutation during iteration
import asyncio
from collections import deque
import collections


async def measure(i):
    await asyncio.sleep(0.1)
    return i * i


async def main():
    window = deque(maxlen=3)
    for i in range(6):
        window.append(await measure(i))
        print(f"window {list(window)} avg={sum(window) / len(window):.2f}")
    print(window, repr(deque()), deque("abc"), deque([1, 2, 3], 2))
    d = deque([1, 2, 3])
    d.appendleft(0)
    d.extend([4, 5])
    d.extendleft("ba")
    print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
    d.rotate(2)
    print(d)
    d.rotate(-3)
    print(d)
    print(d.pop(), d.popleft(), d)
    d[0] = "first"
    del d[1]
    d.insert(1, "ins")
    d.insert(-100, "front")
    d.insert(100, "back")
    print(d, d.count(3), d.index(3), d.index(4, 2))
    d.remove("ins")
    d.reverse()
    print(d, d.maxlen, window.maxlen)
    c = d.copy()
    print(c == d, c is d, deque([1]) == [1], deque([1, 2]) == deque([1, 2]), deque([1]) != deque([2]))
    print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, deque([1, 2, 3], maxlen=4) * 2)
    print(bool(deque()), bool(deque([0])), list(reversed(list(deque("xyz")))))
    print(isinstance(d, deque), isinstance([], deque), deque, collections.deque.__name__)
    loop = deque([1, 2])
    loop.append(loop)
    print(loop)
    zero = deque([1, 2], maxlen=0)
    zero.append(3)
    print(zero)
    d.clear()
    print(d)
    for call in (
        lambda: deque().pop(),
        lambda: deque().popleft(),
        lambda: deque([1]).remove(2),
        lambda: deque(["a"]).index("b"),
        lambda: deque([1])[5],
        lambda: deque([1])["a"],
        lambda: deque([1], maxlen=1).insert(0, 1),
        lambda: deque(maxlen=-1),
        lambda: deque("ab", maxlen="x"),
        lambda: deque([1]) + [2],
    ):
        try:
            call()
        except (IndexError, ValueError, TypeError) as e:
            print(type(e).__name__, e)
    q = deque([1, 2, 3])
    try:
        for x in q:
            q.append(x)
    except RuntimeError as e:
        print("RuntimeError", e)


asyncio.run(main())
