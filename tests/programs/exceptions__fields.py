# covers: an exception class whose __init__ sets fields and calls super().__init__(text), a subclass running its __init__, e.field, e.args, str(e), repr(e) of caught exceptions
import asyncio


class HttpError(Exception):
    def __init__(self, url, status):
        super().__init__(f"{url} returned {status}")
        self.url = url
        self.status = status


class NotFound(HttpError):
    pass


async def fetch(url):
    await asyncio.sleep(0.1)
    if url.endswith("404"):
        raise NotFound(url, 404)
    if url.endswith("500"):
        raise HttpError(url, 500)
    if url == "":
        raise ValueError(0)
    return f"page {url}"


async def main():
    for url in ["/home", "/gone404", "/down500", ""]:
        try:
            page = await fetch(url)
            print("got", page)
        except NotFound as e:
            print("not found:", e.url, e.status, type(e).__name__)
        except HttpError as e:
            print("failed:", str(e), "|", repr(e), "|", e.args, e.status)
        except ValueError as e:
            print(f"no url: {e.args}")
    try:
        await fetch("/again404")
    except HttpError as e:
        if e.status == 404:
            print("retry", e.url, "later:", e)


asyncio.run(main())
