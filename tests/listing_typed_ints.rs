//! A list display of integer literals whose items a loop binds to a name
//! that `abs` is called on: its first item is written with its type, so
//! that `k.abs()` builds.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of};

#[test]
fn loop_over_literal_ints_calling_abs_types_the_first_item() {
    let rust = listing(&main_of("    for k in [5, -5]:\n        print(abs(k))\n"));
    has_all(
        &rust,
        &["    for k in [5_i64, -5] {\n        println!(\"{}\", k.abs());"],
    );
}

#[test]
fn list_kept_in_a_variable_and_looped_over_is_typed_too() {
    let rust = listing(&main_of(
        "    xs = [3, -4]\n    for k in xs:\n        print(abs(k) + 1)\n",
    ));
    has_all(
        &rust,
        &[
            "let xs = vec![3_i64, -4];",
            "println!(\"{}\", k.abs() + 1);",
        ],
    );
}

#[test]
fn loop_over_literal_ints_without_abs_stays_untyped() {
    let rust = listing(&main_of("    for k in [5, -5]:\n        print(k * 2)\n"));
    has_all(&rust, &["    for k in [5, -5] {"]);
}
