//! The calls on futures, callback handles and the loop that the Rust
//! listing refuses, each at its place with its own construct: a list of
//! futures, a `concurrent.futures.Future` the program makes, the cancel of
//! a future of `run_coroutine_threadsafe` not yet started,
//! `call_soon_threadsafe`, a task's `exception()` and a timer handle's
//! `cancel()` read as a value.

#[path = "support/listing.rs"]
mod support;

use support::{main_of, refused};

/// The refusal of `source`: its construct and the text it points at.
fn refusal_at(source: &str) -> (String, String) {
    let (construct, reason, at) = refused(source);
    assert!(!reason.contains("call the built-ins"), "{reason}");
    (construct, at)
}

#[test]
fn a_list_of_futures_that_no_coroutine_resolves_is_refused_where_it_is_made() {
    let source = "import asyncio\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    \
futures = [loop.create_future() for _ in range(2)]\n    \
print([f.done() for f in futures])\n\n\nasyncio.run(main())\n";
    let (construct, at) = refusal_at(source);
    assert_eq!(construct, "the list of futures `futures`");
    assert_eq!(at, "futures = [loop.create_future() for _ in range(2)]");
}

#[test]
fn resolving_a_future_taken_from_a_list_is_refused() {
    let source = "import asyncio\n\n\nasync def wake(signals):\n    \
signals.pop(0).set_result(None)\n\n\nasync def main():\n    pass\n\n\nasyncio.run(main())\n";
    let (construct, at) = refusal_at(source);
    assert_eq!(
        construct,
        "`set_result` of a future taken from an expression"
    );
    assert_eq!(at, "signals.pop(0).set_result(None)");
}

#[test]
fn a_concurrent_future_made_by_the_program_is_refused() {
    let (construct, at) = refusal_at(&format!(
        "import concurrent.futures\n{}",
        main_of("    future = concurrent.futures.Future()\n    future.set_result(1)\n")
    ));
    assert_eq!(
        construct,
        "a `concurrent.futures.Future()` the program makes"
    );
    assert_eq!(at, "concurrent.futures.Future()");
}

/// A job that runs `slow()` on the loop and does `then` with its future.
fn threadsafe_job(then: &str) -> String {
    format!(
        "import asyncio\n\n\nasync def slow():\n    await asyncio.sleep(5)\n\n\n\
def job(loop):\n    future = asyncio.run_coroutine_threadsafe(slow(), loop)\n{then}    \
return \"done\"\n\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    \
print(await asyncio.to_thread(job, loop))\n\n\nasyncio.run(main())\n"
    )
}

#[test]
fn cancelling_a_future_of_run_coroutine_threadsafe_before_it_starts_is_refused() {
    let (construct, at) = refusal_at(&threadsafe_job("    print(future.cancel())\n"));
    assert_eq!(
        construct,
        "`.cancel()` of a future of `run_coroutine_threadsafe` that may not have started"
    );
    assert_eq!(at, "future.cancel()");
}

#[test]
fn call_soon_threadsafe_from_a_job_is_refused() {
    let source = "import asyncio\n\n\ndef job(loop):\n    \
loop.call_soon_threadsafe(print, \"from the job\")\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    await loop.run_in_executor(None, job, loop)\n\n\n\
asyncio.run(main())\n";
    let (construct, at) = refusal_at(source);
    assert_eq!(construct, "`call_soon_threadsafe` from a job's thread");
    assert_eq!(at, "loop.call_soon_threadsafe(print, \"from the job\")");
}

#[test]
fn a_tasks_exception_read_as_a_value_is_refused() {
    let source = "import asyncio\n\n\nasync def failing():\n    raise ValueError(\"boom\")\n\n\n\
async def main():\n    f = asyncio.create_task(failing())\n    await asyncio.sleep(0)\n    \
print(f.exception())\n\n\nasyncio.run(main())\n";
    let (construct, at) = refusal_at(source);
    assert_eq!(construct, "`.exception()` of a task");
    assert_eq!(at, "f.exception()");
}

#[test]
fn a_timer_handles_cancel_read_as_a_value_is_refused() {
    let source = "import asyncio\n\n\ndef tick():\n    print(\"tick\")\n\n\nasync def main():\n    \
loop = asyncio.get_running_loop()\n    h = loop.call_later(1, tick)\n    print(h.cancel())\n    \
await asyncio.sleep(2)\n\n\nasyncio.run(main())\n";
    let (construct, at) = refusal_at(source);
    assert_eq!(construct, "a timer handle's `cancel()` read as a value");
    assert_eq!(at, "h.cancel()");
}

#[test]
fn run_coroutine_threadsafe_on_the_loops_own_thread_is_refused() {
    let source = "import asyncio\n\n\nasync def add(a, b):\n    return a + b\n\n\n\
async def main():\n    loop = asyncio.get_running_loop()\n    \
print(asyncio.run_coroutine_threadsafe(add(1, 2), loop).result())\n\n\nasyncio.run(main())\n";
    let (construct, at) = refusal_at(source);
    assert_eq!(
        construct,
        "`asyncio.run_coroutine_threadsafe` on the loop's own thread"
    );
    assert_eq!(at, "asyncio.run_coroutine_threadsafe(add(1, 2), loop)");
}
