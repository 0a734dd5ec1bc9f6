//! A spawned task whose cancellation ends it after a cleanup that awaits
//! (a `finally`, or a handler that re-raises): it watches a token made
//! where it is spawned, awaits its cleanup, and gives whether it ended
//! cancelled, which `try: await t except CancelledError:` reads.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A worker whose `finally` awaits its cleanup.
const SAVER: &str = "async def worker():\n    print(\"working\")\n    try:\n        \
await asyncio.sleep(10)\n    finally:\n        print(\"saving\")\n        \
await asyncio.sleep(0.5)\n        print(\"saved\")\n\n\n";

/// A worker whose handler awaits its cleanup, then re-raises.
const CLOSER: &str = "async def worker():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        print(\"closing\")\n        await asyncio.sleep(0.5)\n        \
raise\n    finally:\n        print(\"closed\")\n\n\n";

/// `main`: spawns the worker, cancels it once it has started, then
/// `after` (indented by four spaces).
fn program(worker: &str, after: &str) -> String {
    format!(
        "{HEADER}{worker}async def main():\n    t = asyncio.create_task(worker())\n    \
await asyncio.sleep(1)\n    t.cancel()\n{after}{RUN}"
    )
}

/// The usual awaiter: it catches the task's cancellation.
const AWAITER: &str =
    "    try:\n        await t\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n";

#[test]
fn a_finally_that_awaits_runs_whole_and_the_task_gives_that_it_was_cancelled() {
    let text = listing(&program(SAVER, AWAITER));
    has_all(
        &text,
        &[
            "async fn worker(token: CancellationToken) -> bool {",
            "let cancelled = tokio::select! {",
            "() = token.cancelled() => true,",
            "let cleanup = async {",
            "    cleanup.await;\n        true\n",
            "token.run_until_cancelled(cleanup).await.is_none()",
            "// The task awaits a cleanup once cancelled: a token it watches.",
            "let t_token = CancellationToken::new();",
            "let t = tokio::spawn(worker(t_token.clone()));",
            "t_token.cancel();",
            "if t.await.unwrap() {\n        println!(\"cancelled\");\n    }",
        ],
    );
    assert!(!text.contains("abort()"), "{text}");
    assert!(!text.contains("guard("), "{text}");
}

#[test]
fn a_handler_that_awaits_then_reraises_runs_in_the_tokens_branch() {
    let text = listing(&program(CLOSER, AWAITER));
    has_all(
        &text,
        &[
            "async fn worker(token: CancellationToken) -> bool {",
            "() = token.cancelled() => {\n            println!(\"closing\");\n            \
sleep(Duration::from_millis(500)).await;\n            true\n        }",
            "} => false,\n    };\n    println!(\"closed\");\n    \
// It gives whether it ended cancelled.\n    cancelled\n}",
            "if t.await.unwrap() {",
        ],
    );
}

#[test]
fn cancelled_in_the_handler_reads_the_output_kept() {
    let text = listing(&program(
        SAVER,
        "    try:\n        await t\n    except asyncio.CancelledError:\n        \
print(\"cancelled:\", t.cancelled())\n",
    ));
    has_all(
        &text,
        &[
            "let t_cancelled = t.await.unwrap();",
            "if t_cancelled {",
            "if t_cancelled { \"True\" } else { \"False\" }",
        ],
    );
    // Awaited once, by value: the handle is not `mut`.
    assert!(text.contains("let t = tokio::spawn("), "{text}");
}

/// The construct named where a task's cleanup would run in `Drop`.
const FINALLY_IN_DROP: &str = "an `await` in a `finally` the Rust listing runs in `Drop`";

#[test]
fn a_task_awaited_outside_a_try_is_refused() {
    let (construct, _, at) = refused(&program(SAVER, "    await t\n"));
    assert_eq!(construct, FINALLY_IN_DROP);
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

#[test]
fn a_task_never_awaited_is_refused() {
    // `asyncio.run` would cancel it at its end and run its cleanup.
    let (construct, _, _) = refused(&program(SAVER, "    print(\"left\")\n"));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_return_between_the_cancel_and_the_await_is_refused() {
    let (construct, _, _) = refused(&program(
        SAVER,
        &format!("    if len(\"ab\") > 3:\n        return\n{AWAITER}"),
    ));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_cleanup_that_makes_a_task_is_refused() {
    // asyncio runs a task made during its shutdown for a few rounds only.
    let worker = SAVER.replace(
        "        print(\"saved\")\n",
        "        asyncio.create_task(asyncio.sleep(1))\n        print(\"saved\")\n",
    );
    let (construct, _, _) = refused(&program(&worker, AWAITER));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn cancelled_read_outside_the_handler_is_refused() {
    let (construct, _, _) = refused(&program(
        SAVER,
        &format!("{AWAITER}    print(t.cancelled())\n"),
    ));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_worker_returning_a_value_is_refused() {
    let worker = SAVER.replace(
        "        print(\"saved\")\n",
        "        print(\"saved\")\n    return 1\n",
    );
    let (construct, _, _) = refused(&program(&worker, AWAITER));
    assert_eq!(construct, FINALLY_IN_DROP);
}

#[test]
fn a_cancel_before_the_task_started_is_refused() {
    let source = format!(
        "{HEADER}{SAVER}async def main():\n    t = asyncio.create_task(worker())\n    \
t.cancel()\n{AWAITER}{RUN}"
    );
    let (construct, reason, at) = refused(&source);
    assert_eq!(
        construct,
        "this `cancel()` of a task that watches a `CancellationToken`"
    );
    assert!(reason.contains("nor its `finally` runs"), "{reason}");
    assert_eq!(at, "t.cancel()");
}

/// `main` with a second task, never read, that `asyncio.run` cancels at
/// its end; its awaiter of the first returns from its handler.
fn pending_program(worker: &str, before: &str) -> String {
    format!(
        "{HEADER}{worker}async def main():\n{before}    t = asyncio.create_task(worker())\n    \
u = asyncio.create_task(worker())\n    await asyncio.sleep(1)\n    t.cancel()\n    \
try:\n        await t\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n        \
return 0\n    print(\"after\")\n{RUN}"
    )
}

#[test]
fn a_task_left_pending_is_cancelled_and_awaited_before_each_return() {
    let text = listing(&pending_program(CLOSER, ""));
    has_all(
        &text,
        &[
            "let u = tokio::spawn(worker(u_token.clone()));",
            "if t.await.unwrap() {\n        println!(\"cancelled\");\n        \
// `asyncio.run` cancels the tasks still pending when its coroutine ends,\n        \
// in the order they were made, and waits for them all.\n        \
u_token.cancel();\n        u.await.unwrap();\n        return;\n    }",
            "println!(\"after\");\n    // `asyncio.run` cancels",
        ],
    );
}

#[test]
fn a_return_before_the_pending_task_is_made_is_refused() {
    let (construct, _, _) = refused(&pending_program(
        CLOSER,
        "    if len(\"ab\") > 3:\n        return\n",
    ));
    assert_eq!(
        construct,
        "an `await` in an `except asyncio.CancelledError` the Rust listing runs in `Drop`"
    );
}

#[test]
fn a_return_of_a_computed_value_with_a_task_pending_is_refused() {
    // The value would be computed after the pending task's cleanup.
    let source = pending_program(CLOSER, "").replace("return 0", "return len(\"ab\")");
    let (construct, _, _) = refused(&source);
    assert_eq!(
        construct,
        "an `await` in an `except asyncio.CancelledError` the Rust listing runs in `Drop`"
    );
}

#[test]
fn a_second_cancel_is_refused() {
    let (construct, _, at) = refused(&program(
        SAVER,
        &format!("    await asyncio.sleep(0.1)\n    t.cancel()\n{AWAITER}"),
    ));
    assert_eq!(
        construct,
        "a second `cancel()` of a task that watches a `CancellationToken`"
    );
    assert_eq!(at, "t.cancel()");
}
