# ends: (limit: steps)
for i in range(100_000):
    s = f"{i:>50000000}"
