"""A list's `index` of what it does not hold, not caught: the program ends."""

names = ["ann", "bob"]
print("bob is at", names.index("bob"))
del names[-2]
print("left:", names)
print("cat is at", names.index("cat"))
print("never printed")
