import asyncio


def grade(score):
    if score >= 90:
        letter = "A"
    elif score >= 70:
        letter = "B"
    else:
        letter = "C"
    return letter


async def main():
    hour = 14
    if hour < 12:
        greeting = "good morning"
        bonus = 1
    else:
        greeting = "good afternoon"
        bonus = 2
    print(greeting, bonus)
    n = 0
    while n < 4:
        if n % 2 == 0:
            kind = "even"
            step = 1
        else:
            if n > 2:
                kind = "big odd"
            else:
                kind = "odd"
            step = 2
        print(n, kind, step)
        n += step
    for score in [95, 72, 40]:
        print(score, grade(score))
    await asyncio.sleep(0.1)
    if n > 3:
        total = n * 10
    else:
        total = 0
    total += 1
    print("total", total)


asyncio.run(main())
