# ends: (limit: steps)
data = [0] * 5_000_000
for i in range(100_000):
    1 in data
