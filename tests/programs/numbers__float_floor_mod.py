"""Floor division and remainder of floats, as CPython rounds and signs them."""


def show(x, y):
    print(x, y, x // y, x % y, divmod(x, y))


show(1.0, 0.1)
show(4.0, -2.0)
show(-4.0, 2.0)
show(0.0, -1.0)
show(-7.5, 2.0)
total = 10.0
total //= 0.1
print(total)
left = 3.5
left %= -1.0
print(left)
