# ends: (limit: steps)
x = 2**2_000_000 - 1
for i in range(100_000):
    y = x * x
