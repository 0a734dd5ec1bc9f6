# ends: not supported yet: ThreadPoolExecutor.submit()
from concurrent.futures import ThreadPoolExecutor


def work():
    return 1


with ThreadPoolExecutor() as pool:
    try:
        future = pool.submit(work)
        print(future.result())
    except Exception as e:
        print("caught", repr(e))
