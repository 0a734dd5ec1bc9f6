# ends: (limit: value size)
s = str([[0] * 1000] * 1_000_000)
