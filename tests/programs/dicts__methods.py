# covers: dict get keys values items pop setdefault update copy clear, iteration order, in, del dict keys, dict(kwargs, from pairs)
import asyncio


async def load_config():
    await asyncio.sleep(1)
    return {"host": "localhost", "port": 8080, "debug": False}


async def main():
    cfg = await load_config()
    print(cfg)
    print(cfg.get("port"), cfg.get("user"), cfg.get("user", "guest"))
    print(list(cfg.keys()), list(cfg.values()))
    print(list(cfg.items()))
    cfg["debug"] = True
    cfg["timeout"] = 30
    print(cfg)
    print(cfg.pop("timeout"), cfg.pop("missing", "n/a"))
    print(cfg.setdefault("retries", 3), cfg.setdefault("retries", 5))
    cfg.update({"port": 9090, "tls": True})
    cfg.update(user="ada")
    print(cfg)
    del cfg["debug"]
    print("debug" in cfg, "port" in cfg, "ada" in cfg)
    snapshot = cfg.copy()
    cfg.clear()
    print(cfg, len(snapshot))
    for key in snapshot:
        print(f"{key:>8} = {snapshot[key]!r}")
    print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])))
    d = {}
    d["z"] = 1
    d["a"] = 2
    d["z"] = 3
    print(d, {1: "one", 2.5: None, (1, 2): "pair"})


asyncio.run(main())
