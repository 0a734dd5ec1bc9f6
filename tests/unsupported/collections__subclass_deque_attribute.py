# refuse: a class deriving from collections.deque, named through the module
import collections


class Window(collections.deque):
    pass
