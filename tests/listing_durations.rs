//! The Rust listing of a number of seconds: a duration written with no
//! `as` cast inside `Duration` where the program's values allow it.
//! (Python's own output is checked by `tests/rust_listings.rs` on the
//! corpus programs that sleep.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

/// A coroutine that sleeps `seconds` and prints it, gathered under a
/// timeout by `main`, which gives it `calls`.
fn stepping(calls: &str) -> String {
    format!(
        "{HEADER}async def step(name, seconds):\n    await asyncio.sleep(seconds)\n    \
print(name, \"slept\", f\"{{seconds}}s\")\n    return name\n\n\n\
async def main():\n    done = await asyncio.wait_for(asyncio.gather({calls}), timeout=9)\n    \
print(done)\n{RUN}"
    )
}

#[test]
fn whole_seconds_given_as_literals_are_a_u64_parameter() {
    let text = listing(&stepping("step(\"a\", 1), step(\"b\", 2)"));
    has_all(
        &text,
        &[
            "async fn step(name: &str, seconds: u64) -> String {",
            "sleep(Duration::from_secs(seconds)).await;",
            "println!(\"{name} slept {seconds}s\");",
        ],
    );
    assert!(!text.contains(" as u64"), "{text}");
}

#[test]
fn seconds_computed_by_a_caller_stay_an_integer() {
    let text = listing(&stepping("step(\"a\", 1), step(\"b\", len(\"ab\"))"));
    has_all(
        &text,
        &["async fn step(name: &str, seconds: i64) -> String {"],
    );
}
