# refuse: math.erf, which the math module here does not offer
import math

print(math.erf(0.5))
