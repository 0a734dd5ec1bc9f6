# output: 1 7 3 1.5
a = f"{7:.65536G}"
b = f"{1.5:.65536g}"
print(len(a), a, len(b), b)
