# ends: not supported yet: '%' formatting of bytes (format a str and encode it)
import asyncio


async def main():
    template = "%d items".encode()
    try:
        print(template % 3)
    except Exception as e:
        print("caught", repr(e))
    except:
        print("caught by a bare except")


asyncio.run(main())
