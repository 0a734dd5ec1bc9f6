# output: range(-9223372036854775807, 1)
print(range(-2**63, 1)[-2**63:])
