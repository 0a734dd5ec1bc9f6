# ends: (limit: memory)
x = [[0] * 9_000_000 for _ in range(20)]
