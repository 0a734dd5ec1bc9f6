# ends: (limit: steps)
import itertools

for combo in itertools.product(range(10**6), repeat=6):
    pass
