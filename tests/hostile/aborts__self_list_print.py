# output: [1, [...]]
l = [1]
l.append(l)
print(l)
