//! The Rust listing of a plain function that only calls itself: Python
//! stops it at its recursion limit with a `RecursionError`, which the
//! listing raises past a `depth` it counts (the corpus programs
//! `exceptions__recursion_limit` and `threadsafe__recursion_in_job` are
//! built and run by `tests/rust_listings.rs`); and the near shapes that
//! stay refused.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, refused};

/// A program defining `defs` whose `main` runs `body`.
fn program(defs: &str, body: &str) -> String {
    format!("{HEADER}{defs}\n\nasync def main():\n{body}{RUN}")
}

const DEEP: &str = "def deep(n):\n    return deep(n + 1)\n";

#[test]
fn a_function_that_only_calls_itself_counts_its_depth() {
    let text = listing(&program(
        DEEP,
        "    try:\n        deep(0)\n    except RecursionError as e:\n        print(\"RecursionError\", e)\n",
    ));
    has_all(
        &text,
        &[
            "fn deep(n: i64, depth: i64) -> Result<(), Error> {",
            "    // Python raises `RecursionError` past its limit of 1000 nested calls, where Rust's stack\n",
            "    if depth > 1000 {\n        return Err(Error::RecursionError(\n            \"maximum recursion depth exceeded\".to_string(),\n",
            "    deep(n + 1, depth + 1)?;",
            "deep(0, 1)?;",
            "err @ Error::RecursionError(_) => {",
            "println!(\"RecursionError {e}\");",
        ],
    );
}

#[test]
fn a_runtime_error_clause_takes_the_recursion_error() {
    let text = listing(&program(
        "def spin(label):\n    spin(label)\n",
        "    try:\n        spin(\"x\")\n    except RuntimeError as e:\n        print(type(e).__name__)\n",
    ));
    has_all(
        &text,
        &[
            "fn spin(label: &str, depth: i64) -> Result<(), Error> {",
            "    spin(label, depth + 1)?;",
            "spin(\"x\", 1)?;",
            "err @ Error::RecursionError(_) => {",
        ],
    );
}

/// A recursion with a way out is left as it is: no counter.
#[test]
fn a_recursion_that_returns_is_unchanged() {
    let text = listing(&program(
        "def down(n):\n    if n == 0:\n        return 0\n    return down(n - 1)\n",
        "    print(down(3))\n",
    ));
    assert!(!text.contains("depth"), "{text}");
    has_all(&text, &["fn down(n: i64) -> i64 {"]);
}

/// What the function does before calling itself would show how deep the
/// calls went, which Rust's count cannot match: the `except` stays
/// refused.
#[test]
fn a_function_that_prints_before_calling_itself_is_refused() {
    let (construct, _, at) = refused(&program(
        "def loud(n):\n    print(n)\n    loud(n + 1)\n",
        "    try:\n        loud(0)\n    except RecursionError:\n        print(\"deep\")\n",
    ));
    assert_eq!(
        construct,
        "an `except` of classes that no `raise` of the program gives"
    );
    assert!(at.starts_with("try:"), "{at}");
}

/// A call inside an expression gets no first depth: the function is left
/// as it is and the `except` refused.
#[test]
fn a_call_inside_an_expression_is_refused() {
    let (construct, _, at) = refused(&program(
        DEEP,
        "    try:\n        print(deep(0))\n    except RecursionError:\n        print(\"deep\")\n",
    ));
    assert_eq!(
        construct,
        "an `except` of classes that no `raise` of the program gives"
    );
    assert!(at.starts_with("try:"), "{at}");
}
