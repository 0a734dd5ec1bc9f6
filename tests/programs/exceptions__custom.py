# covers: subclasses of Exception with custom __init__ calling super().__init__, extra attributes, str(e), repr(e), e.args, type(e).__name__
import asyncio


class FetchError(Exception):
    def __init__(self, url, status):
        super().__init__(f"{url} returned {status}")
        self.url = url
        self.status = status


class RetryableError(FetchError):
    pass


class QuietError(Exception):
    pass


async def fetch(url):
    await asyncio.sleep(0.5)
    if url.endswith("404"):
        raise FetchError(url, 404)
    if url.endswith("503"):
        raise RetryableError(url, 503)
    return "ok"


async def main():
    for url in ["/ok", "/page404", "/busy503"]:
        try:
            print(url, await fetch(url))
        except RetryableError as e:
            print("retry later:", e.status, type(e).__name__)
        except FetchError as e:
            print("failed:", str(e), "|", repr(e), "|", e.args, e.url)
    e = QuietError()
    print(repr(e), repr(str(e)), e.args)
    e2 = QuietError("a", 2)
    print(repr(e2), str(e2), e2.args)
    print(isinstance(RetryableError("u", 1), (FetchError, KeyError)), isinstance(e, Exception))
    print(repr(ValueError("bad value")), str(ValueError("bad value")), ValueError(3).args)


asyncio.run(main())
