#!/usr/bin/env python3
"""Runs an asyncio program on a virtual clock and time-stamps what it prints.

    python3 tests/support/virtual_clock.py PROGRAM.py

* The event loop never waits: when nothing is ready, its clock jumps straight
  to the next timer.
* `time.sleep(n)` moves the clock forward by `n` and runs nothing else
  meanwhile, as a blocking call holds a real event loop.
* `time.perf_counter()`, `time.monotonic()` and `time.time()` read the same
  virtual clock as `loop.time()` (0.0 outside a running loop), so elapsed
  times such as `time.perf_counter() - t0` are in virtual seconds. The local
  zone is UTC (`TZ=UTC`), and `time.localtime()`, `gmtime()`, `ctime()`,
  `strftime(fmt)` and `asctime()` without a time read that clock: the wall
  clock is the Unix epoch plus the virtual time, and so are
  `datetime.datetime.now()`, `today()`, `utcnow()` and `datetime.date.today()`
  (the module's `datetime` and `date` are stand-ins whose instances are the
  real classes').
* Timers due at the same instant fire in the order they were created (on a
  real clock, the one created first would be due first).
* Sockets are polled before the clock moves: loopback data already sent is
  ready at the current instant. When no timer is pending, the loop waits for
  a socket for up to a second of real time, then reports a deadlock.
* Executor jobs (`loop.run_in_executor`, so `asyncio.to_thread` too) run on
  the virtual clock, not on real threads or processes (the harness replaces
  `run_in_executor` and wraps the executors' `shutdown` and `submit`):
  - an executor of n workers runs at most n jobs at once and queues the
    rest, first come first served; a job whose future is cancelled while it
    queues never runs;
  - a job runs when it gets a worker: its function is called then, on a
    thread of its own that runs in lock-step with the loop (the loop waits
    while it runs), with a clock of its own that starts at the loop's time.
    `time.sleep(d)` inside it adds d to that clock and blocks nothing else;
    the clock functions read it; what it prints, and the callbacks it hands
    the loop with `loop.call_soon_threadsafe`, are kept with that time;
  - one round later (as a new task's first step), a timer is set for each
    moment the job printed at (or handed a callback at) and for its end.
    When one is due, the next round prints that moment's lines, stamped
    with the loop's time, and runs its callbacks, in the order the job made
    them; at the end it sets the job's future (its result or exception),
    as the worker thread's `call_soon_threadsafe` hands it over;
  - a job that waits for a `concurrent.futures.Future` no real worker
    thread settles (`asyncio.run_coroutine_threadsafe`'s, or one the program
    made) with `result(timeout)` or `exception(timeout)` before it is done
    stops there and hands control back to the loop: that moment is delivered as
    its end would be, and then the loop runs on while the job waits. When
    the future is done, or when the timeout has passed on the loop's clock
    (the wait then raises `TimeoutError`), the job goes on from there, its
    clock set to the loop's, and what it does next is delivered the same
    way (one round later, a timer for each moment);
  - `shutdown(wait=True)` (the end of `with pool:`) with jobs left blocks the
    loop until the last one ends: the queued jobs start on the workers as
    they free up, and what the jobs print meanwhile is printed at its time,
    during the block. The futures are still set after it, by the loop;
  - `executor.submit(fn, *args, **kwargs)` from the loop's thread (so
    `executor.map` too) queues a job the same way and gives a
    `concurrent.futures.Future`, set when the job's end is delivered.
    Its `result(timeout)` or `exception(timeout)` before then blocks the
    loop as `shutdown` does, until that job ends (or the timeout passes,
    then `TimeoutError`), and hands the job's outcome to the future then;
  - a process pool's jobs run in this process too.
* Every loop (`asyncio.run`, `new_event_loop()`, `get_event_loop()`,
  `asyncio.Runner()`) is a virtual-clock loop, and they share one clock, as
  they share `time.monotonic()` on a real system: a second run goes on from
  the time the first one ended at.
* Each printed line is written as `[t=T] TEXT`, with T the virtual time in
  seconds formatted as `f"{round(t, 3):g}"`. A `print` call's text is split
  on "\n" into whole lines: its `end=` is ignored. `sys.stdout.write` is
  line-buffered: a line is stamped when its newline is written, a `print`
  ends what it left unfinished, and the end of the program the rest. What
  goes to `sys.stderr` (`print(file=sys.stderr)` too) is written unchanged.

This is the CPython side of the parity tests: its output is compared with
the headless transcript of the asynclings engine.
"""

import asyncio
import builtins
import collections
import concurrent.futures
import datetime
import heapq
import itertools
import os
import runpy
import selectors
import sys
import threading
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


_Timer.__name__ = _Timer.__qualname__ = "TimerHandle"


class EpollSelector(selectors.DefaultSelector):
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


class _Job:
    """One executor job: its clock (its end, once it has run), what it
    printed when, the callbacks it handed the loop when, and the moments
    `[time, items]` left to deliver.

    Its function runs on a thread of its own, in lock-step with the loop:
    the loop hands the thread control and waits until the function returns
    or blocks on a future of the loop's (`run_coroutine_threadsafe`), so
    only one of them runs at a time."""

    _numbers = itertools.count()

    def __init__(self, start, func, args):
        self.number = next(self._numbers)
        self.clock = start
        self.lines = []
        self.moments = []
        self.outcome = None
        # While blocked: the future it waits for and the timeout.
        self.waits = None
        self._go = threading.Semaphore(0)
        self._back = threading.Semaphore(0)
        self._thread = threading.Thread(target=self._main, args=(func, args), daemon=True)

    def _main(self, func, args):
        self._go.acquire()
        result = error = None
        try:
            result = func(*args)
        except BaseException as e:  # a worker hands on whatever the job raised
            error = e
        self.outcome = (result, error)
        self._back.release()

    def step(self):
        """Runs the job's function (from the loop's thread) until it
        returns or blocks."""
        global _job
        outer, _job = _job, self
        try:
            if not self._thread.is_alive() and self.outcome is None:
                self._thread.start()
            self._go.release()
            self._back.acquire()
        finally:
            _job = outer

    def block(self, future, timeout):
        """Hands control back to the loop (from the job's thread) until
        `future` is done or `timeout` seconds of the loop's time have passed."""
        self.waits = (future, timeout)
        self._back.release()
        self._go.acquire()
        self.waits = None


# The job running now (its function is being called), or None.
_job = None


class _Pool:
    """The virtual workers of one executor."""

    def __init__(self, executor):
        # Each worker's job (its clock is its end), or None when idle.
        self.workers = [None] * executor._max_workers
        self.queue = collections.deque()


def _pool(executor):
    pool = getattr(executor, "_virtual_pool", None)
    if pool is None:
        pool = executor._virtual_pool = _Pool(executor)
    return pool


def _settle(future, result, error):
    """Hands a job's outcome to its future, unless it is done already."""
    if future.done():
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)


class _JobFuture(concurrent.futures.Future):
    """The future `submit` gives for a job on the virtual clock: `result()`
    and `exception()` before the job's end block the loop until it ends (or
    the timeout passes), as waiting for a worker thread does."""

    def __init__(self, loop, pool):
        super().__init__()
        self._virtual = (loop, pool)

    def _wait(self, timeout):
        loop, pool = self._virtual
        if not self.done() and _job is None and _current_loop() is loop:
            loop._drain(pool, self, timeout)

    # The real methods, not the ones `_job_waits` makes.
    _base_result = concurrent.futures.Future.result
    _base_exception = concurrent.futures.Future.exception

    def result(self, timeout=None):
        self._wait(timeout)
        return self._base_result(0)

    def exception(self, timeout=None):
        self._wait(timeout)
        return self._base_exception(0)


_JobFuture.__name__ = _JobFuture.__qualname__ = "Future"


def _virtual_submit(real):
    def submit(self, fn, /, *args, **kwargs):
        loop = _current_loop()
        if loop is None or _job is not None:
            # A real worker thread runs it, and settles its future.
            future = real(self, fn, *args, **kwargs)
            future._real_worker = True
            return future
        if getattr(self, "_shutdown", False) or getattr(self, "_shutdown_thread", False):
            raise RuntimeError("cannot schedule new futures after shutdown")
        pool = _pool(self)
        future = _JobFuture(loop, pool)
        pool.queue.append((future, lambda: fn(*args, **kwargs), (), loop.clock))
        loop._start_jobs(pool)
        return future

    return submit


# The virtual clock, one for the process as `time.monotonic()` is: a loop
# made after another one ran goes on from where that one left it.
_clock = 0.0


class VirtualClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = EpollSelector()
        super().__init__(selector)
        selector.loop = self

    @property
    def clock(self):
        return _clock

    @clock.setter
    def clock(self, value):
        global _clock
        _clock = value

    def time(self):
        return self.clock

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        if getattr(executor, "_shutdown", False) or getattr(executor, "_shutdown_thread", False):
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = self.create_future()
        pool = _pool(executor)
        pool.queue.append((future, func, args, self.clock))
        self._start_jobs(pool)
        return future

    def _start_jobs(self, pool):
        """Starts queued jobs on the idle workers, first come first served
        (a job whose future was cancelled while it queued is dropped)."""
        while pool.queue and pool.queue[0][0].cancelled():
            pool.queue.popleft()
        for i, busy in enumerate(pool.workers):
            while pool.queue and pool.queue[0][0].cancelled():
                pool.queue.popleft()
            if not pool.queue:
                return
            if busy is None:
                self._start_job(pool, i, self.clock)

    def _start_job(self, pool, worker, start):
        future, func, args, _ = pool.queue.popleft()
        job = _Job(start, func, args)
        if isinstance(future, concurrent.futures.Future):
            future.set_running_or_notify_cancel()
        job.future = future
        pool.workers[worker] = job
        self._step_job(pool, worker, job)

    def _step_job(self, pool, worker, job):
        """Runs a job until it ends or blocks, then (one round later, as a
        new task's first step would) sets a timer for each moment it printed
        at or handed the loop a callback at, and for its end or its block."""
        job.step()
        moments = {}
        for when, item in job.lines:
            moments.setdefault(when, []).append(item)
        job.lines = []
        moments.setdefault(job.clock, [])
        job.moments += [[when, items] for when, items in sorted(moments.items())]
        ending = (pool, worker, job)
        self.call_soon(self._register, job.moments[-len(moments) :], ending)

    def _register(self, moments, ending):
        """Sets a timer for each moment of a job's run."""
        end = moments[-1][0]
        for moment in moments:
            when = moment[0]
            done = ending if when == end else None
            if when <= self.clock:
                self.call_soon(self._deliver, moment, done)
            else:
                self.call_at(when, self.call_soon, self._deliver, moment, done)

    def _deliver(self, moment, ending):
        """Prints a moment's lines and runs the callbacks the job handed
        over then, in order; at the job's end, settles its future; at its
        block, waits for the future it blocks on."""
        _deliver_items(moment)
        if ending is None:
            return
        pool, worker, job = ending
        if job.outcome is None:
            self._await_for_job(pool, worker, job)
            return
        if pool.workers[worker] is job:
            pool.workers[worker] = None
        _settle(job.future, *job.outcome)
        self._start_jobs(pool)

    def _await_for_job(self, pool, worker, job):
        """Resumes a blocked job when the future it waits for is done, or
        when its timeout has passed (its clock then the loop's)."""
        future, timeout = job.waits
        timer = None

        def resume(_=None):
            if job.waits is None or job.waits[0] is not future:
                return
            if timer is not None:
                timer.cancel()
            job.clock = max(job.clock, self.clock)
            self._step_job(pool, worker, job)

        if future.done():
            resume()
            return
        if timeout is not None:
            timer = self.call_at(job.clock + timeout, resume)
        future.add_done_callback(resume)

    def _drain(self, pool, target=None, timeout=None):
        """Blocks the loop while the workers run: until every job has ended
        (`shutdown(wait=True)`), or until the job of `target` (a future
        `submit` made) has ended or `timeout` seconds have passed (its
        `result()`). Queued jobs start as workers free up; the jobs print at
        their times during the block."""
        jobs = [job for job in pool.workers if job is not None]
        limit = float("inf") if timeout is None else self.clock + timeout

        def target_job():
            return next((job for job in jobs if job.future is target), None)

        while pool.queue and (target is None or target_job() is None):
            if pool.queue[0][0].cancelled():
                pool.queue.popleft()
                continue
            worker = min(
                (i for i, job in enumerate(pool.workers) if job is not None),
                key=lambda i: pool.workers[i].clock,
            )
            # A worker takes the next job when it frees up, or when the job
            # comes, if later.
            start = max(pool.workers[worker].clock, pool.queue[0][3])
            if start > limit:
                break
            self._start_job(pool, worker, start)
            jobs.append(pool.workers[worker])
        if target is None:
            if not jobs:
                return
            last = max(job.clock for job in jobs)
        else:
            job = target_job()
            last = min(limit, job.clock if job is not None else limit)
        due = sorted(
            ((m[0], job.number, m) for job in jobs for m in job.moments if m[1] and m[0] <= last),
            key=lambda d: d[:2],
        )
        for when, _, moment in due:
            self.clock = max(self.clock, when)
            _print_lines(moment)
        self.clock = max(self.clock, last)
        if target is not None:
            job = target_job()
            if job is not None and job.outcome is not None and job.clock <= self.clock:
                _settle(target, *job.outcome)

    def call_soon_threadsafe(self, callback, *args, context=None):
        """From a job's thread, the callback is handed over at the job's
        time, with what it prints then."""
        job = _job
        if job is None or threading.current_thread() is not job._thread:
            return super().call_soon_threadsafe(callback, *args, context=context)
        self._check_closed()
        handle = asyncio.Handle(callback, args, self, context)
        job.lines.append((job.clock, handle))
        return handle

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = _Timer(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


VirtualClockLoop.__name__ = VirtualClockLoop.__qualname__ = "_UnixSelectorEventLoop"


def _current_loop():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop if isinstance(loop, VirtualClockLoop) else None


def _virtual_now():
    if _job is not None:
        return _job.clock
    loop = _current_loop()
    return loop.clock if loop is not None else 0.0


def _stamp():
    return f"{round(_virtual_now(), 3):g}"


_real_print = builtins.print
_real_stdout = sys.stdout


def _emit(text):
    """Prints `text` as stamped lines (kept by the job running, if one is)."""
    if _job is not None:
        _job.lines.extend((_job.clock, line) for line in text.split("\n"))
        return
    stamp = _stamp()
    for line in text.split("\n"):
        _real_print(f"[t={stamp}] {line}", file=_real_stdout)
    _real_stdout.flush()


class _StampedStdout:
    """`sys.stdout`: what is written goes out a line at a time, stamped when
    its newline is written; a line left unfinished goes out at the end."""

    def __init__(self):
        self.pending = ""

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.pending += text
        done, newline, self.pending = self.pending.rpartition("\n")
        if newline:
            _emit(done)
        return len(text)

    def flush(self):
        pass

    def finish(self):
        if self.pending:
            text, self.pending = self.pending, ""
            _emit(text)

    def __repr__(self):
        return repr(_real_stdout)


def _stamped_print(*args, sep=" ", end="\n", file=None, flush=False):
    if file is not None and file is not sys.stdout:
        _real_print(*args, sep=sep, end=end, file=file, flush=flush)
        return
    text = (" " if sep is None else sep).join(str(a) for a in args)
    out = sys.stdout
    if isinstance(out, _StampedStdout):
        text, out.pending = out.pending + text, ""
    _emit(text)


class _Print:
    """`print` as the program sees it: stamped, and named and shown as the
    built-in is (a callback's repr in a handle names it `print`)."""

    __qualname__ = __name__ = "print"

    def __call__(self, *args, **kwargs):
        _stamped_print(*args, **kwargs)

    def __repr__(self):
        return "<built-in function print>"


def _print_lines(moment):
    """Prints a job's lines of one moment (once), stamped with the loop's
    time; the callbacks it handed over then stay for the loop to run."""
    stamp = _stamp()
    for item in moment[1]:
        if isinstance(item, str):
            _real_print(f"[t={stamp}] {item}", file=_real_stdout)
    moment[1] = [item for item in moment[1] if not isinstance(item, str)]
    _real_stdout.flush()


def _deliver_items(moment):
    """Prints a job's lines of one moment and runs the callbacks it handed
    the loop then (`call_soon_threadsafe`), in the order it made them."""
    items, moment[1] = moment[1], []
    stamp = _stamp()
    for item in items:
        if isinstance(item, str):
            _real_print(f"[t={stamp}] {item}", file=_real_stdout)
            _real_stdout.flush()
        elif not item.cancelled():
            item._run()


def _at(real):
    """`real(secs)`, at the virtual clock's now when `secs` is None."""

    def at(secs=None):
        return real(_virtual_now() if secs is None else secs)

    return at


def _strftime(real):
    def strftime(format, t=None):
        return real(format, time.localtime() if t is None else t)

    return strftime


def _asctime(real):
    def asctime(t=None):
        return real(time.localtime() if t is None else t)

    return asctime


class _ClockClass(type):
    """The metaclass of the stand-ins for `datetime.datetime` and
    `datetime.date`: their instances are the real classes' instances."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, cls._real)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls._real)


class _ClockDatetime(datetime.datetime, metaclass=_ClockClass):
    """`datetime.datetime` whose clock is the virtual one (naive, UTC)."""

    _real = datetime.datetime

    def __new__(cls, *args, **kwargs):
        return cls._real.__new__(cls._real, *args, **kwargs)

    @classmethod
    def now(cls, tz=None):
        return cls._real.fromtimestamp(_virtual_now(), tz)

    @classmethod
    def today(cls):
        return cls._real.fromtimestamp(_virtual_now())

    @classmethod
    def utcnow(cls):
        return cls._real.utcfromtimestamp(_virtual_now())


class _ClockDate(datetime.date, metaclass=_ClockClass):
    """`datetime.date` whose `today()` reads the virtual clock."""

    _real = datetime.date

    def __new__(cls, *args, **kwargs):
        return cls._real.__new__(cls._real, *args, **kwargs)

    @classmethod
    def today(cls):
        return cls._real.fromtimestamp(_virtual_now())


for _cls, _name in ((_ClockDatetime, "datetime"), (_ClockDate, "date")):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "datetime"


def _blocking_sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    if _job is not None:
        _job.clock += seconds
        return
    loop = _current_loop()
    if loop is not None:
        loop.clock += seconds


def _virtual_shutdown(real):
    def shutdown(self, wait=True, *, cancel_futures=False):
        pool = getattr(self, "_virtual_pool", None)
        loop = _current_loop()
        if pool is not None and loop is not None:
            if cancel_futures:
                for future, *_ in pool.queue:
                    future.cancel()
                pool.queue.clear()
            if wait:
                loop._drain(pool)
        return real(self, wait, cancel_futures=cancel_futures)

    return shutdown


def _job_waits(real):
    """`concurrent.futures.Future.result` or `exception`: in a job, a future
    no real worker thread settles (`run_coroutine_threadsafe`'s, or one the
    program made) blocks the job, and the loop runs meanwhile."""

    def wait(self, timeout=None):
        job = _job
        if (
            job is not None
            and not self.done()
            and not getattr(self, "_real_worker", False)
            and threading.current_thread() is job._thread
        ):
            job.block(self, timeout)
            return real(self, 0)
        return real(self, timeout)

    wait.__name__ = wait.__qualname__ = real.__name__
    return wait


class _VirtualClockPolicy(asyncio.DefaultEventLoopPolicy):
    """Every loop made (`new_event_loop()`, `get_event_loop()`, `Runner()`)
    runs on the virtual clock."""

    def new_event_loop(self):
        return VirtualClockLoop()


def _run(main, *, debug=None):
    with asyncio.Runner(debug=debug, loop_factory=VirtualClockLoop) as runner:
        return runner.run(main)


def main(argv):
    if len(argv) != 2:
        _real_print(f"usage: {argv[0]} PROGRAM.py", file=sys.stderr)
        return 2
    builtins.print = _Print()
    time.sleep = _blocking_sleep
    time.perf_counter = _virtual_now
    time.monotonic = _virtual_now
    time.time = _virtual_now
    # The wall clock reads the virtual clock after the Unix epoch, in UTC.
    os.environ["TZ"] = "UTC"
    time.tzset()
    time.gmtime = _at(time.gmtime)
    time.localtime = _at(time.localtime)
    time.ctime = _at(time.ctime)
    time.strftime = _strftime(time.strftime)
    time.asctime = _asctime(time.asctime)
    datetime.datetime = _ClockDatetime
    datetime.date = _ClockDate
    asyncio.run = _run
    asyncio.set_event_loop_policy(_VirtualClockPolicy())
    for name in ("result", "exception"):
        real = getattr(concurrent.futures.Future, name)
        setattr(concurrent.futures.Future, name, _job_waits(real))
    for executor in (concurrent.futures.ThreadPoolExecutor, concurrent.futures.ProcessPoolExecutor):
        executor.shutdown = _virtual_shutdown(executor.shutdown)
        executor.submit = _virtual_submit(executor.submit)
    sys.argv = argv[1:]
    stdout = sys.stdout = _StampedStdout()
    try:
        runpy.run_path(argv[1], run_name="__main__")
    finally:
        stdout.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
