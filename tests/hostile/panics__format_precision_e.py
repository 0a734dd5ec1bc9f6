# output: 65542 000000e+00
s = f"{1.5:.65536e}"
print(len(s), s[-10:])
