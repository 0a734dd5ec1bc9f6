# covers: string constants, capwords and Template (substitute, safe_substitute, get_identifiers, is_valid, KeyError and ValueError messages), filling report lines from gathered results
import asyncio
import string
from string import Template


async def job(name, seconds):
    await asyncio.sleep(seconds)
    return {"name": name, "seconds": seconds}


async def main():
    line = Template("$name finished after ${seconds}s ($$ cost: $cost)")
    for r in await asyncio.gather(job("build", 2), job("test", 1)):
        print(line.safe_substitute(r))
        print(line.substitute(r, cost=r["seconds"] * 3))
    print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
    print(string.digits, string.hexdigits, string.octdigits, string.punctuation)
    print(repr(string.whitespace), repr(string.printable), len(string.printable))
    print(string.capwords(" hello   world  "), string.capwords("a-b c-d", "-"), string.capwords("ünïcode wörds"))
    t = Template("$who likes $what")
    print(t.template, t.substitute(who="tim", what="kung pao"), t.get_identifiers(), t.is_valid())
    print(Template("$a $b $a ${c} $$d").get_identifiers(), Template("$a $").is_valid())
    print(Template("${a").safe_substitute(a=1), Template("$1 and $x").safe_substitute(), Template("$Ab_1x!").substitute(Ab_1x=5))
    print(Template("$a").substitute({"a": 1}, a=2), Template("no placeholders").substitute(), Template("$x$y").substitute(x=[1], y=None))
    for call in (
        lambda: t.substitute({"who": "tim"}),
        lambda: Template("line1\n  $1 bad").substitute(a=1),
        lambda: Template("$").substitute(),
        lambda: Template("${a").substitute(a=1),
        lambda: Template("$a").substitute({}, {}),
    ):
        try:
            call()
        except (KeyError, ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
