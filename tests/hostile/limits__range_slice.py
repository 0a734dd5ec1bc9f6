# output: 4611686018427387903
print(len(range(2**62)[1:]))
