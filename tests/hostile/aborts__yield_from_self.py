# ends: RecursionError
def g():
    yield from g()


for x in g():
    print(x)
