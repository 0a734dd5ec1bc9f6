import concurrent.futures
from concurrent.futures import ThreadPoolExecutor


def square(n):
    return n * n


def fails(n):
    raise ValueError(f"bad {n}")


with ThreadPoolExecutor(max_workers=2) as pool:
    future = pool.submit(square, 7)
    print(future.result(), future.done(), future.running(), future.cancelled())
    print(future.cancel(), future.exception())
    print(list(pool.map(square, range(5))))
    print(list(pool.map(pow, [2, 3], [5, 2])))
    futures = [pool.submit(square, n) for n in range(4)]
    done, not_done = concurrent.futures.wait(futures)
    print(sorted(f.result() for f in done), not_done)
    print(len(concurrent.futures.wait(futures, timeout=1).done))
    print(sorted(f.result() for f in concurrent.futures.as_completed(futures)))
    bad = pool.submit(fails, 3)
    print(repr(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print("caught", repr(e))
    bad.add_done_callback(lambda f: print("callback:", repr(f.exception())))
    try:
        for value in pool.map(fails, [1, 2]):
            print(value)
    except ValueError as e:
        print("map stopped:", e)

try:
    pool.submit(square, 2)
except RuntimeError as e:
    print("RuntimeError:", e)
print(concurrent.futures.TimeoutError is TimeoutError, concurrent.futures.ALL_COMPLETED)
