# sys.version_info is a named tuple that compares with tuples
import sys

info = sys.version_info
print(info[:2], info.major, info.minor, info.releaselevel, info.serial)
print(info >= (3, 8), info < (3, 12), info > (3, 11), info == tuple(info))
print(type(info.micro).__name__, len(info), list(info)[:2])
major, minor, *rest = info
print(major, minor, len(rest))
print(repr(info).startswith("sys.version_info(major=3, minor=11, micro="))
print(sys.version.startswith("3.11."), sys.version.split()[0] == ".".join(map(str, info[:3])))
print(sys.hexversion >> 16 == 0x030B, hex(sys.hexversion & 0xFF))
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.getrecursionlimit())
if sys.version_info >= (3, 11):
    print("has TaskGroup")
try:
    sys.getrecursionlimit(5)
except TypeError as e:
    print("TypeError:", e)
