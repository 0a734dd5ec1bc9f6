"""Floor division and remainder by divisors of either sign, as Python rounds."""


def split(total, parts):
    return total // parts, total % parts


def wrap(x, period):
    return x % period


for total, parts in [(7, 2), (7, -2), (-7, 2), (-7, -2), (6, -3)]:
    q, r = split(total, parts)
    print(total, parts, q, r, q * parts + r == total)

print(wrap(7.5, 2.0), wrap(7.5, -2.0), wrap(-7.5, 2.0), wrap(-1.0, -4.0))
odd = 7 % 2 == 1
print(str(odd), str(False))
