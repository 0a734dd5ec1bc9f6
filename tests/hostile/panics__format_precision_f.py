# output: 65538 1.50000000
s = f"{1.5:.65536f}"
print(len(s), s[:10])
