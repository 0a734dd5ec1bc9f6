# ends: (limit: steps)
s = "ab" * 10_000_000
for i in range(100_000):
    s.count("b")
