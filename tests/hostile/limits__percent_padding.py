# ends: (limit: steps)
for i in range(100_000):
    s = "%50000000d" % i
