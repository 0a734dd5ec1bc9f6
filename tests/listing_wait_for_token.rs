//! The Rust listing of a coroutine that `asyncio.wait_for` cancels at its
//! deadline and waits for: a `CancellationToken` made where `wait_for`
//! calls it, its future kept pinned and awaited after the deadline, and
//! the near cases it refuses. (`tests/rust_listings.rs` builds and runs
//! `wait_for__cleanup_awaits`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const UPLOAD: &str = "async def upload(name):\n    try:\n        print(name, \"uploading\")\n        \
await asyncio.sleep(10)\n    finally:\n        print(name, \"rolling back\")\n        \
await asyncio.sleep(1)\n        print(name, \"rolled back\")\n\n\n";

const STUBBORN: &str = "async def stubborn():\n    try:\n        await asyncio.sleep(10)\n        \
return \"finished\"\n    except asyncio.CancelledError:\n        print(\"cancelled\")\n        \
return \"partial\"\n\n\n";

fn waited(def: &str, call: &str) -> String {
    format!(
        "{HEADER}{def}async def main():\n    try:\n        \
value = await asyncio.wait_for({call}, timeout=2)\n        print(\"got\", value)\n    \
except TimeoutError:\n        print(\"timed out\")\n{RUN}"
    )
}

#[test]
fn a_finally_that_awaits_runs_whole_after_the_deadline() {
    let text = listing(&waited(UPLOAD, "upload(\"a\")"));
    has_all(
        &text,
        &[
            "async fn upload(name: &str, token: CancellationToken) {",
            "let cancelled = tokio::select! {\n        biased;\n        \
() = token.cancelled() => true,\n        () = async {\n            \
println!(\"{name} uploading\");\n            sleep(Duration::from_secs(10)).await;\n        \
} => false,\n    };",
            "let cleanup = async {\n        println!(\"{name} rolling back\");\n        \
sleep(Duration::from_secs(1)).await;\n        println!(\"{name} rolled back\");\n    };",
            "if cancelled {\n        cleanup.await;\n    } else {",
            "token.run_until_cancelled(cleanup).await;",
            "let upload_token = CancellationToken::new();",
            "let mut work = pin!(upload(\"a\", upload_token.clone()));",
            "match timeout(Duration::from_secs(2), &mut work).await {",
            "Err(_) => {\n            upload_token.cancel();\n            work.await;\n            \
println!(\"timed out\");",
        ],
    );
    assert!(!text.contains("guard("), "{text}");
}

#[test]
fn a_coroutine_that_returns_when_cancelled_gives_wait_for_its_value() {
    let text = listing(&waited(STUBBORN, "stubborn()"));
    has_all(
        &text,
        &[
            "async fn stubborn(token: CancellationToken) -> String {",
            "tokio::select! {\n        biased;\n        () = token.cancelled() => {\n            \
println!(\"cancelled\");\n            \"partial\".to_string()\n        }\n        \
value = async {\n            sleep(Duration::from_secs(10)).await;\n            \
\"finished\".to_string()\n        } => value,\n    }\n}",
            "let value = match timeout(Duration::from_secs(2), &mut work).await {\n        \
Ok(value) => value,",
            "Err(_) => {\n            stubborn_token.cancel();\n            work.await\n        }\n    };",
            "println!(\"got {value}\");",
        ],
    );
    // `wait_for` raises no `TimeoutError` then.
    assert!(!text.contains("println!(\"timed out\")"), "{text}");
}

#[test]
fn a_coroutine_that_may_end_without_its_value_keeps_the_refusal() {
    // Not cancelled, it returns `None`; cancelled, a string.
    let def = "async def stubborn():\n    try:\n        await asyncio.sleep(10)\n    \
except asyncio.CancelledError:\n        return \"kept\"\n\n\n";
    let (construct, _, at) = refused(&waited(def, "stubborn()"));
    assert_eq!(construct, "a `return` in `except asyncio.CancelledError`");
    assert_eq!(at, "return \"kept\"");
}

#[test]
fn a_coroutine_that_raises_keeps_the_refusal() {
    let def = "async def stubborn():\n    try:\n        await asyncio.sleep(10)\n        \
return \"finished\"\n    except asyncio.CancelledError:\n        if True:\n            \
raise ValueError(\"no\")\n        return \"partial\"\n\n\n";
    let (construct, _, _) = refused(&waited(def, "stubborn()"));
    assert_eq!(construct, "a `return` in `except asyncio.CancelledError`");
}

#[test]
fn a_coroutine_also_awaited_directly_keeps_the_refusal() {
    let src = format!(
        "{HEADER}{STUBBORN}async def main():\n    print(await stubborn())\n    try:\n        \
print(await asyncio.wait_for(stubborn(), timeout=2))\n    except TimeoutError:\n        \
print(\"timed out\")\n{RUN}"
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(construct, "a `return` in `except asyncio.CancelledError`");
}

#[test]
fn an_assignment_in_the_try_of_a_cleanup_that_awaits_is_refused() {
    let def = "async def upload(name):\n    try:\n        n = 1\n        \
await asyncio.sleep(10)\n    finally:\n        await asyncio.sleep(1)\n        \
print(name, \"rolled back\")\n\n\n";
    let (construct, _, at) = refused(&waited(def, "upload(\"a\")"));
    assert_eq!(
        construct,
        "this statement in a `try` whose task goes on after its cancellation"
    );
    assert_eq!(at, "n = 1");
}

#[test]
fn a_timeout_of_zero_is_refused() {
    // asyncio cancels the coroutine before it starts: nothing is printed.
    let src = waited(UPLOAD, "upload(\"a\")").replace("timeout=2", "timeout=0");
    let (construct, reason, at) = refused(&src);
    assert_eq!(
        construct,
        "this timeout of `wait_for` around `upload`, which handles its cancellation"
    );
    assert!(reason.contains("before it starts"), "{reason}");
    assert_eq!(at, "0");
}

#[test]
fn a_timeout_read_from_a_variable_is_refused() {
    let src = waited(UPLOAD, "upload(\"a\")").replace(
        "    try:\n        value",
        "    limit = 2\n    try:\n        value",
    );
    let src = src.replace("timeout=2", "timeout=limit");
    let (construct, _, at) = refused(&src);
    assert_eq!(
        construct,
        "this timeout of `wait_for` around `upload`, which handles its cancellation"
    );
    assert_eq!(at, "limit");
}
