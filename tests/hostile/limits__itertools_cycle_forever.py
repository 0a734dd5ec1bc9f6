# ends: (limit: steps)
from itertools import cycle, islice, tee

a, b = tee(cycle([1, 2, 3]))
print(sum(islice(a, 10**12)))
