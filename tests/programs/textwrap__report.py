# covers: textwrap wrap, fill, shorten, dedent, indent with CPython's defaults and options (width, initial_indent, subsequent_indent, break_long_words, break_on_hyphens, max_lines, placeholder), wrapping log lines of gathered tasks
import asyncio
import textwrap
from textwrap import dedent, fill, indent, shorten, wrap

TEXT = (
    "The event loop runs one task at a time; when a task awaits, another runs. "
    "Well-behaved coroutines never block -- they await sleep() or I/O instead. "
    "A supercalifragilisticexpialidociousandevenlongerword breaks lines.\tTabs\tand\nnewlines too."
)


async def task(name, n):
    await asyncio.sleep(n)
    return f"{name} finished its work after {n} seconds and reported a long status message"


async def main():
    for line in await asyncio.gather(task("alpha", 1), task("beta-gamma-delta", 2)):
        print(fill(line, width=30, initial_indent="* ", subsequent_indent="  "))
    print(wrap(TEXT))
    print(wrap(TEXT, 25))
    print(wrap(TEXT, width=12, break_long_words=False))
    print(wrap(TEXT, width=12, break_on_hyphens=False))
    print(wrap("a-very-long-hyphenated-compound-word-here", 10))
    print(wrap("well-known well--known x -- y --z co-operate", 8))
    print(fill(TEXT, 40, max_lines=3))
    print(fill(TEXT, 40, max_lines=2, placeholder=" ..."))
    print(wrap("  leading and trailing spaces   ", 10), wrap("  keep  ", 5, drop_whitespace=False))
    print(wrap(""), wrap("   "), wrap("x" * 25, 10), wrap("tab\there", expand_tabs=False, replace_whitespace=False))
    print(fill("End of one. Start of two! Third? yes.", 20, fix_sentence_endings=True))
    print(repr(shorten("Hello  world!", width=12)), repr(shorten("Hello  world!", width=11)))
    print(repr(shorten("The quick brown fox jumps over the lazy dog", 20, placeholder="...")))
    code = """
        def f():
            return 1

          # comment
        """
    print(repr(dedent(code)), repr(dedent("  a\n\tb")), repr(dedent("   \n  x\n    y\n")))
    print(repr(indent("one\n\ntwo\n", "> ")), repr(indent("a\nb", "+", lambda line: "b" in line)))
    print(repr(textwrap.indent("x\r\ny\n", "  ")))
    for call in (
        lambda: wrap("text", 0),
        lambda: wrap("text", 5, max_lines=1, placeholder=" [......]"),
        lambda: wrap("text", colour=1),
        lambda: shorten("text"),
    ):
        try:
            call()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
