# ends: (limit: steps)
import math

while True:
    math.factorial(200_000)
