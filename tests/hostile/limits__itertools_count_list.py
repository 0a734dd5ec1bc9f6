# ends: (limit: steps)
import itertools

print(len(list(itertools.count())))
