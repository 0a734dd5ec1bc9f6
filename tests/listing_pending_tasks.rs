//! The Rust listing of the tasks `asyncio.run` cancels when its coroutine
//! ends: a task that goes on after its cancellation keeps its handle and
//! token, and `main` ends by cancelling and awaiting each pending task in
//! the order they were made. (`tests/rust_listings.rs` builds and runs
//! `logging__error_stack_tasks` and `shutdown__task_raises_during_cancel`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const LINGERING: &str = "async def lingering(name):\n    try:\n        \
await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        \
print(name, \"cancelled\")\n    print(name, \"gone\")\n\n\n\
async def polite():\n    try:\n        await asyncio.sleep(10)\n    finally:\n        \
print(\"polite closed\")\n\n\n";

#[test]
fn main_cancels_and_awaits_the_pending_tasks_in_order() {
    let src = format!(
        "{HEADER}{LINGERING}async def main():\n    asyncio.create_task(lingering(\"a\"))\n    \
asyncio.create_task(polite())\n    asyncio.create_task(lingering(\"b\"))\n    \
await asyncio.sleep(1)\n    print(\"main done\")\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "async fn lingering(name: &str, token: CancellationToken) {",
            "let lingering_task_token = CancellationToken::new();",
            "let lingering_task = tokio::spawn(lingering(\"a\", lingering_task_token.clone()));",
            "let polite_task = tokio::spawn(polite());",
            "let lingering_task_2 = tokio::spawn(lingering(\"b\", lingering_task_2_token.clone()));",
            "    println!(\"main done\");\n    \
// `asyncio.run` cancels the tasks still pending when its coroutine ends,\n    \
// in the order they were made, and waits for them all.\n    \
lingering_task_token.cancel();\n    polite_task.abort();\n    \
lingering_task_2_token.cancel();\n    lingering_task.await.unwrap();\n    \
let _ = polite_task.await;\n    lingering_task_2.await.unwrap();\n}",
        ],
    );
    assert!(!text.contains("dropping a JoinHandle detaches"), "{text}");
}

#[test]
fn a_task_that_raises_in_its_handler_is_reported_on_stderr() {
    let src = format!(
        "{HEADER}async def stubborn():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        await asyncio.sleep(1)\n        \
raise RuntimeError(\"no\")\n\n\nasync def main():\n    asyncio.create_task(stubborn())\n    \
await asyncio.sleep(1)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "async fn stubborn(token: CancellationToken) -> Result<(), Error> {",
            "() = token.cancelled() => {\n            sleep(Duration::from_secs(1)).await;\n            \
return Err(Error::RuntimeError(\"no\".to_string()));\n        }",
            "stubborn_task_token.cancel();\n    if let Err(e) = stubborn_task.await.unwrap() {\n        \
eprintln!(\"unhandled exception during asyncio.run() shutdown: {e}\");\n    }",
        ],
    );
}

#[test]
fn a_task_kept_and_awaited_is_not_cancelled_again() {
    let src = format!(
        "{HEADER}{LINGERING}async def quick():\n    await asyncio.sleep(1)\n    return 5\n\n\n\
async def main():\n    t = asyncio.create_task(quick())\n    \
asyncio.create_task(lingering(\"a\"))\n    n = await t\n    print(\"got\", n)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "let n = t.await.unwrap();",
            "lingering_task_token.cancel();\n    lingering_task.await.unwrap();\n}",
        ],
    );
    assert!(!text.contains("t.abort()"), "{text}");
}

#[test]
fn a_task_kept_and_never_read_is_cancelled_at_the_end() {
    let text = listing(&format!(
        "{HEADER}{LINGERING}async def main():\n    t = asyncio.create_task(lingering(\"a\"))\n    \
asyncio.create_task(lingering(\"b\"))\n    await asyncio.sleep(1)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "let t = tokio::spawn(lingering(\"a\", t_token.clone()));",
            "t_token.cancel();\n    lingering_task_token.cancel();\n    t.await.unwrap();",
        ],
    );
}

#[test]
fn a_task_kept_and_read_but_not_awaited_keeps_the_refusal() {
    let src = format!(
        "{HEADER}{LINGERING}async def main():\n    t = asyncio.create_task(lingering(\"a\"))\n    \
await asyncio.sleep(1)\n    print(t.done())\n{RUN}"
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
}

#[test]
fn a_main_that_returns_cancels_the_pending_tasks_there() {
    let text = listing(&format!(
        "{HEADER}{LINGERING}async def main():\n    asyncio.create_task(lingering(\"a\"))\n    \
await asyncio.sleep(1)\n    if len(\"ab\") > 1:\n        print(\"early\")\n        return\n    \
print(\"late\")\n    return\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "println!(\"early\");\n        // `asyncio.run` cancels the tasks still pending",
            "lingering_task.await.unwrap();\n        return;\n    }",
            "println!(\"late\");\n    // `asyncio.run` cancels the tasks still pending",
        ],
    );
    // The `return` ending the body is its end.
    assert!(text.contains("lingering_task.await.unwrap();\n}"), "{text}");
}

#[test]
fn a_main_that_returns_before_making_the_task_keeps_the_refusal() {
    let src = format!(
        "{HEADER}{LINGERING}async def main():\n    if len(\"ab\") > 3:\n        return\n    \
asyncio.create_task(lingering(\"a\"))\n    await asyncio.sleep(1)\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
    assert_eq!(at.lines().next(), Some("except asyncio.CancelledError:"));
}

#[test]
fn a_main_whose_value_is_kept_and_returns_early_keeps_the_refusal() {
    let src = format!(
        "{HEADER}{LINGERING}async def main():\n    asyncio.create_task(lingering(\"a\"))\n    \
await asyncio.sleep(1)\n    return 1\n\n\nx = asyncio.run(main())\nprint(x)\n"
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
}

#[test]
fn a_task_made_in_another_coroutine_keeps_the_refusal() {
    let src = format!(
        "{HEADER}{LINGERING}async def start():\n    asyncio.create_task(lingering(\"a\"))\n\n\n\
async def main():\n    await start()\n    await asyncio.sleep(1)\n{RUN}"
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
}

#[test]
fn an_exception_that_can_leave_main_is_refused() {
    let src = format!(
        "{HEADER}{LINGERING}async def fail():\n    raise ValueError(\"bad\")\n\n\n\
async def main():\n    asyncio.create_task(lingering(\"a\"))\n    await fail()\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "an exception going out of `main`");
    assert!(
        reason.contains("which the `?` of an exception skips"),
        "{reason}"
    );
    assert!(at.starts_with("async def main():"), "{at}");
}

#[test]
fn an_aborted_task_that_raised_before_is_reported_as_never_retrieved() {
    let src = format!(
        "{HEADER}{LINGERING}async def failing():\n    await asyncio.sleep(0.2)\n    \
raise ValueError(\"f\")\n\n\nasync def main():\n    asyncio.create_task(lingering(\"a\"))\n    \
asyncio.create_task(failing())\n    await asyncio.sleep(1)\n{RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "lingering_task_token.cancel();\n    failing_task.abort();",
            "if let Ok(Err(e)) = failing_task.await {\n        \
eprintln!(\"Task exception was never retrieved: {e}\");\n    }",
        ],
    );
}

#[test]
fn a_main_that_ends_by_sys_exit_in_an_endless_loop_keeps_the_refusal() {
    let src = format!(
        "import asyncio\nimport sys\n\n\n{LINGERING}async def main():\n    \
asyncio.create_task(lingering(\"a\"))\n    n = 0\n    while True:\n        \
await asyncio.sleep(1)\n        n += 1\n        if n == 3:\n            sys.exit(0)\n{RUN}"
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
}
