"""Edges where Python's built-ins differ from a plain Rust translation."""


def primes_below(n):
    is_prime = [True] * n
    is_prime[0] = False
    is_prime[1] = False
    for i in range(2, n):
        if is_prime[i]:
            for j in range(i * i, n, i):
                is_prime[j] = False
    found = []
    for k in range(n):
        if is_prime[k]:
            found.append(k)
    return found


def extremes(xs):
    high = max(xs)
    low = min(xs)
    # A NaN is the one float that differs from itself.
    print("max", high, high != high, "min", low, low != low)


print(primes_below(30))
first = [float("nan"), 2.5, -1.0]
high = max(first)
low = min(first)
print(high != high, low != low)
extremes([2.5, float("nan"), -1.0])
extremes([-0.0, 0.0])

items = [1, 2, 3]
items.insert(10, 4)
items.insert(-10, 0)
items.insert(2, 9)
print(items)

try:
    raise ValueError("")
except ValueError as e:
    print(repr(e), e.args, f"[{e}]")
