# ends: (limit: steps)
parts = ["ab"] * 5_000_000
for i in range(100_000):
    "".join(parts)
