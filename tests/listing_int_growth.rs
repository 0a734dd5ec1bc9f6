//! Integers a loop multiplies, or a function returns as a product with its
//! own call, in a program of `i64`s: kept `i64` where the source bounds
//! the product below `2**63`, refused at the statement otherwise.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A program defining `defs` whose `main` prints `printed`.
fn program(defs: &str, printed: &str) -> String {
    format!("{HEADER}{defs}\n\nasync def main():\n    print({printed})\n{RUN}")
}

const FACT: &str = "def fact(n):\n    result = 1\n    for i in range(1, n + 1):\n        \
                    result *= i\n    return result\n";

#[test]
fn product_over_a_range_of_a_parameter_is_refused() {
    let (construct, reason, place) = refused(&program(FACT, "fact(5)"));
    assert_eq!(construct, "`result` multiplied in a loop");
    assert!(reason.contains("`i64` overflows past 2**63"), "{reason}");
    assert_eq!(place, "result *= i");
}

#[test]
fn product_over_a_range_of_literals_stays_an_i64() {
    let defs = "def small():\n    result = 1\n    for i in range(1, 11):\n        \
                result *= i\n    return result\n";
    let rust = listing(&program(defs, "small()"));
    has_all(&rust, &["fn small() -> i64 {", "        result *= i;"]);
}

#[test]
fn product_past_i64_over_literals_is_refused() {
    let defs = "def big():\n    result = 1\n    for i in range(1, 30):\n        \
                result *= i\n    return result\n";
    assert_eq!(
        refused(&program(defs, "big()")).0,
        "`result` multiplied in a loop"
    );
}

#[test]
fn product_in_a_while_loop_is_refused() {
    let defs = "def grow():\n    x = 1\n    while x < 100:\n        x *= 3\n    return x\n";
    assert_eq!(
        refused(&program(defs, "grow()")).0,
        "`x` multiplied in a loop"
    );
}

#[test]
fn recursion_given_small_literals_stays_an_i64() {
    let defs = "def power(base, exp):\n    if exp == 0:\n        return 1\n    \
                return base * power(base, exp - 1)\n";
    let rust = listing(&program(defs, "power(2, 5)"));
    has_all(&rust, &["fn power(base: i64, exp: i64) -> i64 {"]);
}

#[test]
fn recursion_given_a_value_not_known_is_refused() {
    let defs = "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n\n\n\
                def twice(k):\n    return fact(k * 2)\n";
    let (construct, _, place) = refused(&program(defs, "twice(3)"));
    assert_eq!(construct, "`fact` returning a product with its own call");
    assert_eq!(place, "return n * fact(n - 1)");
}

#[test]
fn growth_in_a_program_of_big_ints_is_a_big_int() {
    let source = program(FACT, "fact(25), 2 ** 100");
    let rust = listing(&source);
    has_all(&rust, &["BigInt"]);
}
