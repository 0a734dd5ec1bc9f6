# ends: (limit: value size)
s = ("a" * (50 << 20)).replace("a", "aaaaaaaaaa")
