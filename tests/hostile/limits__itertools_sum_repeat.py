# ends: (limit: steps)
import itertools

print(sum(itertools.repeat(1)))
