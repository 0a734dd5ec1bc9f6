# refuse: operator.iadd (the in-place forms are not supported)
from operator import iadd

print(iadd([1], [2]))
