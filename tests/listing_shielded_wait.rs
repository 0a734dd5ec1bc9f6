//! The Rust listing of `asyncio.wait_for(asyncio.shield(task), timeout)`:
//! the wait under Tokio's `timeout` ends at the deadline and the task goes
//! on, its handle shared where it is read again. (`tests/rust_listings.rs`
//! builds and runs `shield__wait_for_task`.)

#[path = "support/listing.rs"]
mod support;

use support::{FETCH, HEADER, RUN, has_all, listing, refused};

fn shielded(after: &str) -> String {
    format!(
        "{HEADER}{FETCH}async def main():\n    t = asyncio.create_task(fetch(\"a\", 2))\n    \
try:\n        await asyncio.wait_for(asyncio.shield(t), 1)\n    except TimeoutError:\n        \
print(\"timed out\", t.done())\n{after}{RUN}"
    )
}

#[test]
fn the_task_goes_on_and_is_read_again() {
    let text = listing(&shielded("    print(await t)\n"));
    has_all(
        &text,
        &[
            "let t = tokio::spawn(fetch(\"a\", Duration::from_secs(2)))\n        \
.map(Result::unwrap)\n        .shared();",
            "// `Elapsed` ends the wait, not the task.\n    \
match timeout(Duration::from_secs(1), t.clone()).await {\n        Ok(_) => {}\n        \
Err(_) => {",
            "if t.clone().now_or_never().is_some() {",
            "println!(\"{}\", t.clone().await);",
        ],
    );
    assert!(!text.contains("abort()"), "{text}");
}

#[test]
fn a_task_read_only_by_the_wait_keeps_its_handle() {
    let text = listing(&shielded(""));
    has_all(
        &text,
        &[
            "let mut t = tokio::spawn(fetch(\"a\", Duration::from_secs(2)));",
            "match timeout(Duration::from_secs(1), &mut t).await {\n        \
Ok(output) => {\n            output.unwrap();\n        }\n        Err(_) => {",
        ],
    );
    assert!(!text.contains("abort()"), "{text}");
}

#[test]
fn a_shielded_coroutine_call_is_refused() {
    let src = format!(
        "{HEADER}{FETCH}async def main():\n    try:\n        \
await asyncio.wait_for(asyncio.shield(fetch(\"a\", 2)), 1)\n    except TimeoutError:\n        \
print(\"timed out\")\n{RUN}"
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "`except TimeoutError` around this");
    assert_eq!(
        at,
        "await asyncio.wait_for(asyncio.shield(fetch(\"a\", 2)), 1)"
    );
}
