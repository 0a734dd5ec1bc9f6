# ends: (limit: memory)
import itertools

print(next(itertools.product(range(100), repeat=10**9)))
