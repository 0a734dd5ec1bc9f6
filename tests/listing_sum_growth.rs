//! Integers a loop doubles by addition (`x += x`, `a, b = b, a + b`) in a
//! program of `i64`s: kept `i64` where the source bounds the sum below
//! `2**63`, refused at the statement otherwise; a running total of other
//! values is no such sum.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A program defining `defs` whose `main` prints `printed`.
fn program(defs: &str, printed: &str) -> String {
    format!("{HEADER}{defs}\n\nasync def main():\n    print({printed})\n{RUN}")
}

/// Fibonacci over `range(count)`.
fn fib(count: &str) -> String {
    format!(
        "async def fib(n):\n    a, b = 0, 1\n    for _ in range({count}):\n        \
         a, b = b, a + b\n    return a\n"
    )
}

#[test]
fn fibonacci_over_a_parameter_is_refused_at_the_sum() {
    let (construct, reason, place) = refused(&program(&fib("n"), "await fib(100)"));
    assert_eq!(construct, "`b` summed with its own value in a loop");
    assert!(reason.contains("`i64` overflows past 2**63"), "{reason}");
    assert_eq!(place, "a, b = b, a + b");
}

#[test]
fn fibonacci_over_a_short_literal_range_stays_an_i64() {
    let rust = listing(&program(&fib("40"), "await fib(40)"));
    has_all(
        &rust,
        &["    for _ in 0..40 {", "        (a, b) = (b, a + b);"],
    );
}

#[test]
fn fibonacci_past_i64_over_literals_is_refused() {
    let (construct, _, place) = refused(&program(&fib("100"), "await fib(100)"));
    assert_eq!(construct, "`b` summed with its own value in a loop");
    assert_eq!(place, "a, b = b, a + b");
}

#[test]
fn adding_a_name_to_itself_in_a_while_loop_is_refused() {
    let defs = "async def grow(limit):\n    x = 1\n    while x < limit:\n        x += x\n    \
                return x\n";
    let (construct, _, place) = refused(&program(defs, "await grow(1000)"));
    assert_eq!(construct, "`x` summed with its own value in a loop");
    assert_eq!(place, "x += x");
}

#[test]
fn doubling_with_a_copy_of_the_previous_value_is_refused() {
    let defs = "async def grow(n):\n    x = 1\n    for _ in range(n):\n        prev = x\n        \
                x = x + prev\n    return x\n";
    let (construct, _, place) = refused(&program(defs, "await grow(5)"));
    assert_eq!(construct, "`x` summed with its own value in a loop");
    assert_eq!(place, "x = x + prev");
}

#[test]
fn a_running_total_of_items_stays_an_i64() {
    let defs = "async def total(items):\n    total = 0\n    for item in items:\n        \
                total += item\n    return total\n";
    let rust = listing(&program(defs, "await total([1, 2, 3])"));
    has_all(&rust, &["        total += item;"]);
}
