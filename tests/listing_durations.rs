//! The Rust listing of a number of seconds: a duration written with no
//! `as` cast inside `Duration` where the program's values allow it.
//! (Python's own output is checked by `tests/rust_listings.rs` on the
//! corpus programs that sleep, `durations__computed_delays.py` among them.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of};

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
fn seconds_computed_by_a_caller_are_converted_checked() {
    let text = listing(&stepping("step(\"a\", 1), step(\"b\", len(\"ab\") - 3)"));
    has_all(
        &text,
        &[
            "async fn step(name: &str, seconds: i64) -> String {",
            // Negative, it sleeps no time, as asyncio's sleep does.
            "sleep(Duration::from_secs(seconds.try_into().unwrap_or(0))).await;",
        ],
    );
    assert!(!text.contains(" as u64"), "{text}");
}

#[test]
fn an_integer_of_unsettled_type_is_converted_without_a_cast() {
    let text = listing(&main_of(
        "    t = 2\n    await asyncio.sleep(t * 2)\n    print(t)\n",
    ));
    has_all(
        &text,
        &["sleep(Duration::from_secs(u64::try_from(t * 2).unwrap_or(0))).await;"],
    );
}

/// A coroutine that sleeps `delay` (an expression of its parameter `x`)
/// and returns `x`, awaited by `main` with a number computed at run time.
fn scaled(delay: &str) -> String {
    format!(
        "{HEADER}async def work(x):\n    await asyncio.sleep({delay})\n    return x\n\n\n\
async def main():\n    print(await work(len(\"abc\")))\n{RUN}"
    )
}

#[test]
fn a_whole_divisor_or_reciprocal_is_duration_arithmetic() {
    for (delay, want) in [
        (
            "x / 10",
            "sleep(Duration::from_secs(x.try_into().unwrap_or(0)) / 10).await;",
        ),
        (
            "x * 0.5",
            "sleep(Duration::from_secs(x.try_into().unwrap_or(0)) / 2).await;",
        ),
        (
            "0.25 * x",
            "sleep(Duration::from_secs(x.try_into().unwrap_or(0)) / 4).await;",
        ),
        (
            "x / 1000",
            "sleep(Duration::from_millis(x.try_into().unwrap_or(0))).await;",
        ),
    ] {
        let text = listing(&scaled(delay));
        has_all(&text, &["async fn work(x: i64) -> i64 {", want]);
        assert!(!text.contains(" as f64"), "{text}");
    }
}

#[test]
fn a_factor_of_no_whole_reciprocal_stays_a_float_duration() {
    let text = listing(&scaled("x * 0.3"));
    has_all(
        &text,
        // A parameter's sign is unknown: a negative delay sleeps no time.
        &["sleep(Duration::try_from_secs_f64(x as f64 * 0.3).unwrap_or_default()).await;"],
    );
}

#[test]
fn a_negative_literal_delay_waits_no_time() {
    let text = listing(&main_of("    await asyncio.sleep(-1)\n    print(\"x\")\n"));
    has_all(&text, &["sleep(Duration::ZERO).await;"]);
    assert!(!text.contains("as u64"), "{text}");
}

#[test]
fn a_negative_blocking_sleep_panics_as_python_raises() {
    let text = listing(&format!(
        "{HEADER}import time\n\n\nasync def main():\n    time.sleep(-1)\n    print(\"x\")\n{RUN}"
    ));
    has_all(
        &text,
        &["std::thread::sleep(Duration::from_secs_f64(-1.0));"],
    );
}
