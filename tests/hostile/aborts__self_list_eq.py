# ends: RecursionError: maximum recursion depth exceeded in comparison
a = [1]
a.append(a)
b = [1]
b.append(b)
print(a == b)
