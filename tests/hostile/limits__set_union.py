# ends: (limit: steps)
a = set(range(1_000_000))
b = set(range(500_000, 1_500_000))
for i in range(100_000):
    c = a | b
