# ends: (limit: steps)
from concurrent.futures import ThreadPoolExecutor


def spin():
    n = 0
    while True:
        n += 1


with ThreadPoolExecutor() as pool:
    print(pool.submit(spin).result())
