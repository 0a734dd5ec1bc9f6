# covers: isinstance of a variable or a literal against built-in classes and tuples of them; a bool is an int
import asyncio


async def settings():
    await asyncio.sleep(1)
    return {"port": 8080, "workers": 4}


async def main():
    cfg = await settings()
    port = cfg["port"]
    timeout = 2.5
    hosts = ["a", "b"]
    pair = (1, "x")
    print(isinstance(port, int), isinstance(port, (str, float)), isinstance(timeout, (int, float)))
    print(isinstance(True, int), isinstance(1, bool), isinstance("s", (int, list)), isinstance(None, str))
    print(isinstance(hosts, list), isinstance(hosts, tuple), isinstance(pair, tuple), isinstance(cfg, dict))
    print("port", port, "timeout", timeout, len(hosts), pair[1])


asyncio.run(main())
