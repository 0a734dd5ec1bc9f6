//! The Rust listing of a task that catches its cancellation and goes on:
//! a `CancellationToken` made where it is spawned, a biased `select!` in
//! the task, and what it refuses. (`tests/rust_listings.rs` builds and runs
//! `cancel__caught_goes_on`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, listing, refused};

const WORKER: &str = "async def worker(name):\n    try:\n        await asyncio.sleep(10)\n        \
print(name, \"done\")\n    except asyncio.CancelledError:\n        print(name, \"saving\")\n        \
await asyncio.sleep(1)\n    finally:\n        print(name, \"closed\")\n    return name\n\n\n";

#[test]
fn the_task_gets_a_token_and_cancel_cancels_it() {
    let src = format!(
        "{HEADER}{WORKER}async def main():\n    t = asyncio.create_task(worker(\"w\"))\n    \
await asyncio.sleep(1)\n    t.cancel()\n    print(await t)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "use tokio_util::sync::CancellationToken;",
        "async fn worker(name: &str, token: CancellationToken) -> String {",
        "let t_token = CancellationToken::new();",
        "let t = tokio::spawn(worker(\"w\", t_token.clone()));",
        "t_token.cancel();",
        "tokio::select! {\n        biased;\n        () = token.cancelled() => {\n            \
println!(\"{name} saving\");\n            sleep(Duration::from_secs(1)).await;\n        }\n        \
() = async {\n            sleep(Duration::from_secs(10)).await;\n            \
println!(\"{name} done\");\n        } => {}\n    }\n    println!(\"{name} closed\");\n",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    assert!(!text.contains(".abort()"), "{text}");
}

#[test]
fn a_handler_that_reraises_keeps_the_drop_guard() {
    let src = format!(
        "{HEADER}async def worker():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        print(\"cancelled\")\n        raise\n\n\n\
async def main():\n    t = asyncio.create_task(worker())\n    await asyncio.sleep(1)\n    \
t.cancel()\n{RUN}"
    );
    let text = listing(&src);
    assert!(text.contains("t.abort();"), "{text}");
    assert!(!text.contains("CancellationToken"), "{text}");
}

#[test]
fn a_coroutine_that_goes_on_called_otherwise_is_refused() {
    let src = format!("{HEADER}{WORKER}async def main():\n    print(await worker(\"w\"))\n{RUN}");
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
    assert!(reason.contains("end it with `raise`"), "{reason}");
    assert_eq!(at.lines().next(), Some("except asyncio.CancelledError:"));
}

#[test]
fn an_assignment_in_its_try_is_refused() {
    let src = format!(
        "{HEADER}async def worker():\n    n = 0\n    try:\n        n = 1\n        \
await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        print(\"saving\", n)\n\n\n\
async def main():\n    t = asyncio.create_task(worker())\n    t.cancel()\n    await t\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "this statement in a `try` whose task goes on after its cancellation"
    );
    assert!(reason.contains("token.cancelled()"), "{reason}");
    assert_eq!(at, "n = 1");
}

#[test]
fn a_try_whose_finally_lets_the_cancellation_go_on_keeps_the_refusal() {
    let src = format!(
        "{HEADER}async def worker():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        print(\"saving\")\n    try:\n        \
await asyncio.sleep(1)\n    finally:\n        print(\"closed\")\n\n\n\
async def main():\n    t = asyncio.create_task(worker())\n    t.cancel()\n    await t\n{RUN}"
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
}

#[test]
fn an_await_outside_the_watched_try_keeps_the_refusal() {
    // A cancellation arriving at the first sleep ends the task in Python;
    // the token is watched only around the `try` body.
    let src = format!(
        "{HEADER}async def worker():\n    await asyncio.sleep(1)\n    try:\n        \
await asyncio.sleep(10)\n    except asyncio.CancelledError:\n        print(\"saving\")\n\n\n\
async def main():\n    t = asyncio.create_task(worker())\n    t.cancel()\n    await t\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
    assert_eq!(at.lines().next(), Some("except asyncio.CancelledError:"));
}

#[test]
fn a_handler_that_returns_returns_from_the_tokens_branch() {
    let src = format!(
        "{HEADER}async def worker():\n    got = 0\n    try:\n        for _ in range(5):\n            \
await asyncio.sleep(1)\n            got += 1\n    except asyncio.CancelledError:\n        \
return got\n    return -1\n\n\nasync def main():\n    t = asyncio.create_task(worker())\n    \
await asyncio.sleep(2.5)\n    t.cancel()\n    print(await t)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "async fn worker(token: CancellationToken) -> i64 {\n    let mut got = 0;",
        "() = token.cancelled() => {\n            return got;\n        }",
        "() = async {\n            for _ in 0..5 {\n                \
sleep(Duration::from_secs(1)).await;\n                got += 1;\n            }\n        } => {}",
        "t_token.cancel();",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn a_return_in_the_handler_of_a_coroutine_awaited_directly_keeps_the_refusal() {
    let src = format!(
        "{HEADER}async def worker():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        return 1\n    return 0\n\n\n\
async def main():\n    print(await worker())\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "a `return` in `except asyncio.CancelledError`");
    assert_eq!(at, "return 1");
}

#[test]
fn a_cancel_before_the_task_has_started_is_refused() {
    // asyncio cancels the task before it runs: no "w saving", and
    // `await t` raises `CancelledError`.
    let src = format!(
        "{HEADER}{WORKER}async def main():\n    t = asyncio.create_task(worker(\"w\"))\n    \
t.cancel()\n    print(await t)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "this `cancel()` of a task that watches a `CancellationToken`"
    );
    assert!(reason.contains("before it runs"), "{reason}");
    assert_eq!(at, "t.cancel()");
}

#[test]
fn a_cancel_after_an_await_that_sleeps_is_taken() {
    let src = format!(
        "{HEADER}{WORKER}async def pause():\n    print(\"pausing\")\n    \
await asyncio.sleep(1)\n\n\nasync def main():\n    t = asyncio.create_task(worker(\"w\"))\n    \
await pause()\n    t.cancel()\n    print(await t)\n{RUN}"
    );
    assert!(listing(&src).contains("t_token.cancel();"));
}

#[test]
fn a_second_cancel_of_the_task_is_refused() {
    let src = format!(
        "{HEADER}{WORKER}async def main():\n    t = asyncio.create_task(worker(\"w\"))\n    \
await asyncio.sleep(1)\n    t.cancel()\n    await asyncio.sleep(0.5)\n    t.cancel()\n    \
print(await t)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "a second `cancel()` of a task that watches a `CancellationToken`"
    );
    assert!(reason.contains("watches its token once"), "{reason}");
    assert_eq!(at, "t.cancel()");
}

#[test]
fn the_coroutines_name_in_a_string_or_a_comment_is_no_other_read() {
    let src = format!(
        "{HEADER}{WORKER}async def main():\n    # worker goes on\n    \
t = asyncio.create_task(worker(\"worker\"))\n    await asyncio.sleep(1)\n    t.cancel()\n    \
print(\"worker:\", await t)\n{RUN}"
    );
    let text = listing(&src);
    for want in [
        "let t = tokio::spawn(worker(\"worker\", t_token.clone()));",
        "t_token.cancel();",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn the_coroutine_read_as_a_value_keeps_the_refusal() {
    // `job` would call `worker` without a token.
    let src = format!(
        "{HEADER}{WORKER}async def main():\n    job = worker\n    \
t = asyncio.create_task(worker(\"w\"))\n    await asyncio.sleep(1)\n    t.cancel()\n    \
print(await t)\n    print(await job(\"v\"))\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "an `except asyncio.CancelledError` that goes on");
    assert_eq!(at.lines().next(), Some("except asyncio.CancelledError:"));
}
