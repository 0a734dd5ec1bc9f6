# covers: lists of string literals given to functions and constructors, kept in fields, returned, grown, tested with in, joined with lists of made strings
class Team:
    def __init__(self, members):
        self.members = members
        self.roles = ["lead", "dev"]

    def show(self):
        print(", ".join(self.members), self.roles)


def shout(words):
    return [w.upper() + "!" for w in words]


def defaults():
    return ["alpha", "beta"]


def main():
    names = ["ann", "bob"]
    print(shout(names))
    team = Team(names)
    team.show()
    tags = ["new"]
    for i in range(3):
        tags.append(str(i))
    tags.insert(0, "first")
    print(tags, len(tags))
    print("new" in tags, "old" not in tags)
    both = defaults() + ["gamma"]
    print(both, max(both), min(both))
    table = {}
    table["fruit"] = ["fig"]
    print(table)
    queue = ["a", "b", "c"]
    last = queue.pop()
    last = last + "?"
    print(last, queue)
    seen = ["pear", "fig"]
    print(sorted(seen), seen[0], len(seen))


main()
