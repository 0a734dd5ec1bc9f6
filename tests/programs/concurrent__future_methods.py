import concurrent.futures

f = concurrent.futures.Future()
print(f.done(), f.running(), f.cancelled())
f.add_done_callback(lambda fut: print("callback got", fut.result()))
print("set_running_or_notify_cancel:", f.set_running_or_notify_cancel())
print("running:", f.running(), "done:", f.done())
f.set_result(42)
print(f.result(), f.exception(), f.done(), f.running())
try:
    f.set_result(1)
except concurrent.futures.InvalidStateError as e:
    print(type(e).__name__, str(e).split(":")[0])

g = concurrent.futures.Future()
g.set_exception(ValueError("bad"))
print(repr(g.exception()), g.done())
try:
    g.result()
except ValueError as e:
    print("result raised", repr(e))
try:
    g.set_exception(KeyError("k"))
except concurrent.futures.InvalidStateError as e:
    print(type(e).__name__, str(e).split(":")[0])

h = concurrent.futures.Future()
print("cancel:", h.cancel(), h.cancelled())
print("set_running_or_notify_cancel:", h.set_running_or_notify_cancel())
try:
    h.set_result(3)
except concurrent.futures.InvalidStateError as e:
    print(type(e).__name__, str(e).split(":")[0])
try:
    f.remove_done_callback(print)
except AttributeError as e:
    print(e)
