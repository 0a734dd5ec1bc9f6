# ends: (limit: value size)
print("%0*d" % (10**9, 1))
