//! The Rust listing of `future.cancel()` of a future of
//! `asyncio.run_coroutine_threadsafe` whose coroutine has started (after a
//! wait of it with a timeout): the job aborts the task and notes whether it
//! still ran, which `cancel()`, `cancelled()`, `done()` and `try:
//! future.result() except concurrent.futures.CancelledError:` read.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, refused};

/// A program whose job `job(loop)` runs `slow()` on the loop, keeps its
/// future in `future` and then runs `body` (indented by four spaces).
fn job_program(slow: &str, body: &str) -> String {
    format!(
        "import asyncio\nimport concurrent.futures\nimport time\n\n\n{slow}\
def job(loop):\n    future = asyncio.run_coroutine_threadsafe(slow(), loop)\n{body}    \
return \"done\"\n\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    \
print(await asyncio.to_thread(job, loop))\n\n\nasyncio.run(main())\n"
    )
}

const SLOW: &str = "async def slow():\n    try:\n        await asyncio.sleep(5)\n    \
except asyncio.CancelledError:\n        print(\"slow cancelled\")\n        raise\n\n\n";

/// Waits a second for the future, and cancels it once the wait runs out.
const TIMED_CANCEL: &str = "    try:\n        future.result(timeout=1)\n    \
except TimeoutError:\n        print(\"cancel:\", future.cancel())\n";

#[test]
fn a_cancel_after_a_timed_out_wait_aborts_the_task() {
    let text = listing(&job_program(
        SLOW,
        &format!(
            "{TIMED_CANCEL}    print(\"cancelled:\", future.cancelled(), \"done:\", future.done())\n"
        ),
    ));
    has_all(
        &text,
        &[
            "let mut future = tokio::spawn(slow());\n",
            "    let mut future_aborted = false;\n",
            "match timeout(Duration::from_secs(1), &mut future).await {",
            "let future_was_running = !future.is_finished();\n",
            "future_aborted |= future_was_running;\n",
            "future.abort();\n",
            "if future_was_running { \"True\" } else { \"False\" }",
            // Cancelled and done as `cancel()` returns, as Python's future is.
            "if future_aborted { \"True\" } else { \"False\" }",
            "if future_aborted || future.is_finished() {",
        ],
    );
    // The coroutine's handler is the cleanup its drop runs.
    has_all(&text, &["let on_cancel = guard((), |_| {"]);
}

#[test]
fn a_cancelled_futures_result_runs_the_handler_of_its_cancellation() {
    let text = listing(&job_program(
        SLOW,
        &format!(
            "{TIMED_CANCEL}    time.sleep(0.5)\n    try:\n        future.result()\n    \
except concurrent.futures.CancelledError:\n        print(\"cancelled\")\n"
        ),
    ));
    has_all(
        &text,
        &[
            // Read with a timeout and again: shared, its task aborted through
            // the abort handle taken before.
            "    let future = tokio::spawn(slow());\n",
            "    let future_task = future.abort_handle();\n",
            "    let future = future.map(Result::unwrap).shared();\n",
            "let future_was_running = !future_task.is_finished();\n",
            "future_task.abort();\n",
            "    if future_aborted {\n        println!(\"cancelled\");\n    } else {\n        \
future.clone().await;\n    }\n",
        ],
    );
}

#[test]
fn a_cancel_before_a_wait_lets_the_coroutine_start_is_refused() {
    let (construct, _, at) = refused(&job_program(
        SLOW,
        "    if time.time() > 1:\n        future.result(timeout=1)\n    else:\n        \
future.cancel()\n",
    ));
    assert_eq!(
        construct,
        "`.cancel()` of a future of `run_coroutine_threadsafe` that may not have started"
    );
    assert_eq!(at, "future.cancel()");
    // A new future in the variable has not started either.
    let (construct, _, _) = refused(&job_program(
        SLOW,
        "    try:\n        future.result(timeout=1)\n    except TimeoutError:\n        \
future = asyncio.run_coroutine_threadsafe(slow(), loop)\n        future.cancel()\n",
    ));
    assert_eq!(
        construct,
        "`.cancel()` of a future of `run_coroutine_threadsafe` that may not have started"
    );
}

#[test]
fn a_cancel_in_a_loop_or_a_second_cancel_is_refused() {
    let (construct, _, _) = refused(&job_program(
        SLOW,
        "    future.result(timeout=1)\n    for _ in range(2):\n        future.cancel()\n",
    ));
    assert_eq!(
        construct,
        "`.cancel()` of a future of `run_coroutine_threadsafe` inside a loop"
    );
    let (construct, _, _) = refused(&job_program(
        SLOW,
        &format!("{TIMED_CANCEL}    print(future.cancel())\n"),
    ));
    assert_eq!(construct, "a second `future.cancel()`");
}

#[test]
fn the_cancel_of_a_coroutine_that_goes_on_after_it_is_refused() {
    let goes_on = "async def slow():\n    try:\n        await asyncio.sleep(5)\n    \
except asyncio.CancelledError:\n        print(\"slow goes on\")\n    print(\"slow ends\")\n\n\n";
    let (construct, _, at) = refused(&job_program(goes_on, TIMED_CANCEL));
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
    assert!(at.starts_with("except asyncio.CancelledError:"), "{at}");
}

#[test]
fn a_read_of_a_cancelled_future_other_than_its_handler_is_refused() {
    let (construct, _, at) = refused(&job_program(
        SLOW,
        &format!("{TIMED_CANCEL}    print(future.result())\n"),
    ));
    assert_eq!(construct, "a read of `future` after its `cancel()`");
    assert_eq!(at, "future.result()");
    let (construct, _, _) = refused(&job_program(
        SLOW,
        &format!(
            "{TIMED_CANCEL}    try:\n        future.result()\n    \
except concurrent.futures.CancelledError as e:\n        print(repr(e))\n"
        ),
    ));
    assert_eq!(construct, "`except concurrent.futures.CancelledError as e`");
}
