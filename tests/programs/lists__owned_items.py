import asyncio


def ends(words):
    return [words[0], words[-1]]


class Crew:
    def __init__(self, names):
        self.names = names
        self.lead = [names[0]]

    def pair(self):
        return [self.names[1], self.names[0]]


async def greet(name):
    await asyncio.sleep(0.1)
    return f"hello {name}"


async def main():
    names = []
    for i in range(4):
        names.append(f"guest{i}")
    pair = [names[0], names[1]]
    print("pair:", pair)
    first = names[0]
    seated = [first, names[2]]
    print("seated:", seated, "first:", first)
    print("ends:", ends(names))
    table = {"host": names[3], "guest": names[1]}
    print("table:", table)
    both = (names[2], names[3])
    print("both:", both)
    nested = [[names[1]], [names[0], names[3]]]
    print("nested:", nested)
    replies = await asyncio.gather(greet(names[0]), greet(names[1]))
    print("replies:", replies)
    for name in names[1:3]:
        row = [name, names[0]]
        print("row:", row)
    host = names[3]
    for k in range(2):
        print("with host:", [host, names[k]])
    crew = Crew(names)
    print("crew:", crew.lead, crew.pair(), len(crew.names))
    print("names:", names, len(names))


asyncio.run(main())
