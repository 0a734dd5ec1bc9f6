# ends: (limit: steps)
data = list(range(2_000_000, 0, -1))
for i in range(100_000):
    sorted(data)
