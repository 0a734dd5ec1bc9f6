# output: {'a': 1, 'self': {...}}
d = {'a': 1}
d['self'] = d
print(d)
