# ends: (limit: steps)
for i in range(1000):
    sum(range(9_000_000))
