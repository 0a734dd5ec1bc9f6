# covers: str methods find index count startswith endswith replace partition, in / not in on strings
import asyncio


async def main():
    url = "https://example.com/api/v1/users?id=7"
    print(url.startswith("https://"), url.endswith(".html"), url.endswith("=7"))
    print(url.find("/api"), url.find("missing"), url.index("users"))
    print(url.count("/"), url.count("e"), "aaaa".count("aa"))
    scheme, sep, rest = url.partition("://")
    print(scheme, sep, rest)
    host, _, path = rest.partition("/")
    print(host, path)
    print("no-sep".partition("="))
    print(url.replace("v1", "v2"))
    print("a-b-c-d".replace("-", "+", 2))
    print("api" in url, "ftp" not in url)
    try:
        url.index("ftp")
    except ValueError as e:
        print("ValueError:", e)
    print("hello".find("l"), "hello".find("l", 3), "hello".find("z"))
    for name in ["data.csv", "notes.txt", "image.png", "old.csv"]:
        if name.endswith(".csv"):
            print("csv file:", name.replace(".csv", ""))
    print("prefix_value".startswith(("pre", "post")))


asyncio.run(main())
