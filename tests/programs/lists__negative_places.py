"""Indexes known only when the program runs, negative ones counting from the end."""


def pick(items, at):
    return items[at]


def letter(word, at):
    return word[at]


scores = [10, 20, 30]
for at in [0, 2, -1, -3]:
    print(at, pick(scores, at), letter("xyz", at))
for i in range(3):
    print(i, scores[i])


def bump(items, at):
    items[at] = items[at] * 10
    items[at] += 1
    return items


print(bump([1, 2, 3], -1), bump([1, 2, 3], 0))
