# ends: (limit: value size)
import math

print(math.comb(10**12, 10**6))
