#!/usr/bin/env python3
"""Runs an asyncio program on a virtual clock and time-stamps what it prints.

    python3 tests/support/virtual_clock.py PROGRAM.py

* The event loop never waits: when nothing is ready, its clock jumps straight
  to the next timer.
* `time.sleep(n)` moves the clock forward by `n` and runs nothing else
  meanwhile, as a blocking call holds a real event loop.
* `time.perf_counter()`, `time.monotonic()` and `time.time()` read the same
  virtual clock as `loop.time()` (0.0 outside a running loop), so elapsed
  times such as `time.perf_counter() - t0` are in virtual seconds.
* Timers due at the same instant fire in the order they were created (on a
  real clock, the one created first would be due first).
* Sockets are polled before the clock moves: loopback data already sent is
  ready at the current instant. When no timer is pending, the loop waits for
  a socket for up to a second of real time, then reports a deadlock.
* Each printed line is written as `[t=T] TEXT`, with T the virtual time in
  seconds formatted as `f"{round(t, 3):g}"`. A `print` call's text is split
  on "\n" into whole lines: its `end=` is ignored.

This is the CPython side of the parity tests: its output is compared with
the headless transcript of the asynclings engine.
"""

import asyncio
import builtins
import heapq
import itertools
import runpy
import selectors
import sys
import time

_tickets = itertools.count()

# Real seconds to wait for a socket when no timer is pending.
_SOCKET_GRACE = 1.0


class _Timer(asyncio.TimerHandle):
    """A timer ordered by (deadline, creation ticket)."""

    __slots__ = ("_ticket",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context=context)
        self._ticket = next(_tickets)

    def __lt__(self, other):
        return (self._when, self._ticket) < (other._when, other._ticket)

    def __le__(self, other):
        return not other < self

    def __gt__(self, other):
        return other < self

    def __ge__(self, other):
        return not self < other


class _JumpingSelector(selectors.DefaultSelector):
    """Never sleeps: a wait for `timeout` seconds moves the clock instead."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        loop = self.loop
        # Sockets first, at the current instant: loopback data sent already
        # is ready now. Only when nothing is ready does the clock move on.
        ready = super().select(0)
        if ready or loop is None or (timeout is not None and timeout <= 0):
            return ready
        if timeout is None:
            # No timer is pending: only a socket can wake the loop. A peer on
            # loopback answers at once, so a short real wait tells a task
            # waiting for its peer from a deadlock, where a real loop would
            # hang forever.
            ready = super().select(_SOCKET_GRACE)
            if not ready:
                raise RuntimeError("deadlock: every task waits and no timer is pending")
            return ready
        if loop._scheduled:
            loop.clock = max(loop.clock, loop._scheduled[0]._when)
        else:
            loop.clock += timeout
        return super().select(0)


class VirtualClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = _JumpingSelector()
        super().__init__(selector)
        selector.loop = self
        self.clock = 0.0

    def time(self):
        return self.clock

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = _Timer(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


def _current_loop():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop if isinstance(loop, VirtualClockLoop) else None


def _virtual_now():
    loop = _current_loop()
    return loop.clock if loop is not None else 0.0


def _stamp():
    return f"{round(_virtual_now(), 3):g}"


_real_print = builtins.print


def _stamped_print(*args, sep=" ", end="\n", file=None, flush=False):
    if file is not None and file is not sys.stdout:
        _real_print(*args, sep=sep, end=end, file=file, flush=flush)
        return
    text = (" " if sep is None else sep).join(str(a) for a in args)
    stamp = _stamp()
    for line in text.split("\n"):
        _real_print(f"[t={stamp}] {line}")
    sys.stdout.flush()


def _blocking_sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    loop = _current_loop()
    if loop is not None:
        loop.clock += seconds


def _run(main, *, debug=None):
    with asyncio.Runner(debug=debug, loop_factory=VirtualClockLoop) as runner:
        return runner.run(main)


def main(argv):
    if len(argv) != 2:
        _real_print(f"usage: {argv[0]} PROGRAM.py", file=sys.stderr)
        return 2
    builtins.print = _stamped_print
    time.sleep = _blocking_sleep
    time.perf_counter = _virtual_now
    time.monotonic = _virtual_now
    time.time = _virtual_now
    asyncio.run = _run
    sys.argv = argv[1:]
    runpy.run_path(argv[1], run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
