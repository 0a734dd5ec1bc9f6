//! The Rust listing of a coroutine that `asyncio.wait_for` cancels at its
//! deadline whose `except asyncio.CancelledError:` awaits a cleanup, then
//! `raise`s, with a `finally` after: the handler runs in the token's
//! branch, awaits and all, and a value comes as `Some`, the cancellation
//! as `None`. And the refusal of such a handler where no token applies.
//! (`tests/rust_listings.rs` builds and runs
//! `wait_for__cancel_handler_awaits` and lesson 07.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

const QUERY: &str = "async def query(name):\n    try:\n        await asyncio.sleep(5)\n        \
return name + \" rows\"\n    except asyncio.CancelledError:\n        print(name, \"rolling back\")\n        \
await asyncio.sleep(0.5)\n        raise\n    finally:\n        print(name, \"closed\")\n\n\n";

const SAVE: &str = "async def save(name):\n    try:\n        await asyncio.sleep(5)\n    \
except asyncio.CancelledError:\n        print(name, \"undoing\")\n        await asyncio.sleep(0.5)\n        \
raise\n    finally:\n        print(name, \"flushing\")\n        await asyncio.sleep(1)\n\n\n";

const LOAD: &str = "async def load(name):\n    try:\n        await asyncio.sleep(1)\n        \
return len(name)\n    except asyncio.CancelledError:\n        raise\n    finally:\n        \
await asyncio.sleep(1)\n        print(name, \"released\")\n\n\n";

fn waited(def: &str, call: &str) -> String {
    format!(
        "{HEADER}{def}async def main():\n    try:\n        \
value = await asyncio.wait_for({call}, timeout=2)\n        print(\"got\", value)\n    \
except TimeoutError:\n        print(\"timed out\")\n{RUN}"
    )
}

#[test]
fn a_handler_that_awaits_runs_in_the_tokens_branch_and_the_value_comes_as_some() {
    let text = listing(&waited(QUERY, "query(\"users\")"));
    has_all(
        &text,
        &[
            "async fn query(name: &str, token: CancellationToken) -> Option<String> {",
            "let value = tokio::select! {\n        biased;\n        \
() = token.cancelled() => {\n            println!(\"{name} rolling back\");\n            \
sleep(Duration::from_millis(500)).await;\n            None\n        }",
            "value = async {\n            sleep(Duration::from_secs(5)).await;\n            \
format!(\"{name} rows\")\n        } => Some(value),\n    };",
            "    println!(\"{name} closed\");\n    value\n}",
            "let mut work = pin!(query(\"users\", query_token.clone()));",
            "let value = match timeout(Duration::from_secs(2), &mut work).await {\n        \
Ok(value) => value,",
            "Err(_) => {\n            query_token.cancel();\n            work.await\n        }\n    };",
            "if let Some(value) = value {\n        println!(\"got {value}\");\n    } else {\n        \
println!(\"timed out\");\n    }",
        ],
    );
    assert!(!text.contains("guard("), "{text}");
    assert!(!text.contains("Drop"), "{text}");
}

#[test]
fn without_a_value_the_handler_runs_then_the_finally_that_awaits() {
    let text = listing(&waited(SAVE, "save(\"draft\")"));
    has_all(
        &text,
        &[
            "async fn save(name: &str, token: CancellationToken) {",
            "let cancelled = tokio::select! {\n        biased;\n        \
() = token.cancelled() => {\n            println!(\"{name} undoing\");\n            \
sleep(Duration::from_millis(500)).await;\n            true\n        }",
            "} => false,\n    };\n    let cleanup = async {\n        println!(\"{name} flushing\");",
            "if cancelled {\n        cleanup.await;\n    } else {",
            "token.run_until_cancelled(cleanup).await;",
            "Err(_) => {\n            save_token.cancel();\n            work.await;\n            \
println!(\"timed out\");",
        ],
    );
}

#[test]
fn a_value_whose_finally_awaits_is_none_when_cancelled_in_the_finally() {
    let text = listing(&waited(LOAD, "load(\"cache\")"));
    has_all(
        &text,
        &[
            "async fn load(name: &str, token: CancellationToken) -> Option<i64> {",
            "if value.is_none() {\n        cleanup.await;\n    } else {",
            "token.run_until_cancelled(cleanup).await?;\n    }\n    value\n}",
        ],
    );
}

#[test]
fn a_handler_that_awaits_in_a_spawned_task_is_refused_at_its_await() {
    let source = format!(
        "{HEADER}async def worker():\n    try:\n        await asyncio.sleep(5)\n    \
except asyncio.CancelledError:\n        print(\"cleaning up\")\n        \
await asyncio.sleep(0.5)\n        raise\n\n\nasync def main():\n    \
t = asyncio.create_task(worker())\n    await asyncio.sleep(1)\n    t.cancel()\n{RUN}"
    );
    let (construct, reason, at) = refused(&source);
    assert_eq!(
        construct,
        "an `await` in an `except asyncio.CancelledError` the Rust listing runs in `Drop`"
    );
    assert!(reason.contains("CancellationToken"), "{reason}");
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

#[test]
fn a_handler_that_awaits_is_refused_where_the_coroutine_is_also_awaited_plainly() {
    let source = format!(
        "{HEADER}{QUERY}async def main():\n    print(await query(\"a\"))\n    try:\n        \
value = await asyncio.wait_for(query(\"b\"), timeout=2)\n    except TimeoutError:\n        \
print(\"timed out\")\n{RUN}"
    );
    let (construct, _, at) = refused(&source);
    assert_eq!(
        construct,
        "an `await` in an `except asyncio.CancelledError` the Rust listing runs in `Drop`"
    );
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

#[test]
fn a_handler_that_binds_a_variable_gets_no_token_and_is_refused_at_its_await() {
    let def = "async def query(name):\n    try:\n        await asyncio.sleep(5)\n        \
return name\n    except asyncio.CancelledError:\n        late = name\n        \
await asyncio.sleep(0.5)\n        raise\n\n\n";
    let (construct, _, at) = refused(&waited(def, "query(\"a\")"));
    assert_eq!(
        construct,
        "an `await` in an `except asyncio.CancelledError` the Rust listing runs in `Drop`"
    );
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

#[test]
fn a_value_read_after_the_try_gets_no_token_and_is_refused_at_the_handlers_await() {
    let source = format!(
        "{HEADER}{QUERY}async def main():\n    rows = \"none yet\"\n    try:\n        \
rows = await asyncio.wait_for(query(\"a\"), timeout=2)\n    except TimeoutError:\n        \
print(\"timed out\")\n    print(rows)\n{RUN}"
    );
    let (construct, _, at) = refused(&source);
    assert_eq!(
        construct,
        "an `await` in an `except asyncio.CancelledError` the Rust listing runs in `Drop`"
    );
    assert_eq!(at, "await asyncio.sleep(0.5)");
}

#[test]
fn a_value_bound_again_by_a_second_wait_for_keeps_the_token() {
    let source = format!(
        "{HEADER}{QUERY}async def main():\n    for name in [\"a\", \"b\"]:\n        try:\n            \
rows = await asyncio.wait_for(query(name), timeout=2)\n            print(rows)\n        \
except TimeoutError:\n            print(\"timed out\")\n    try:\n        \
rows = await asyncio.wait_for(query(\"c\"), timeout=1)\n        print(rows)\n    \
except TimeoutError:\n        print(\"timed out\")\n{RUN}"
    );
    let text = listing(&source);
    has_all(
        &text,
        &[
            "async fn query(name: &str, token: CancellationToken) -> Option<String> {",
            "if let Some(rows) = rows {\n            println!(\"{rows}\");",
        ],
    );
}
