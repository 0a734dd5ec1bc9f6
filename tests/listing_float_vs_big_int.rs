//! A float compared with an integer beyond 64 bits becomes a comparison
//! with the nearest float, its operator moved where Python's exact answer
//! needs it; float literals print in Python's exponent form. (Python's own
//! output is checked by `tests/rust_listings.rs` on
//! `tests/programs/numbers__float_repr.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_float_above_a_power_of_ten_compares_with_the_float_just_above_it() {
    // float(10**100) is above 10**100, so `x > 10**100` is `x >= 1e100`.
    let text = listing(&main_of("    print(float(\"inf\") > 10**100)\n"));
    has_all(&text, &["if \"inf\".parse::<f64>().unwrap() >= 1e100 {"]);
}

#[test]
fn an_integer_a_float_holds_keeps_its_operator() {
    let text = listing(&main_of("    print(1.5 < -2**70)\n"));
    has_all(&text, &["if 1.5 < -1.1805916207174113e21 {"]);
}

#[test]
fn the_integer_written_first_stays_first() {
    let text = listing(&main_of("    print(10**100 < 2.5)\n"));
    has_all(&text, &["if 1e100 <= 2.5 {"]);
}

#[test]
fn equality_with_an_integer_no_float_holds_is_refused() {
    let (construct, _, text) = refused(&main_of("    print(2.5 == 10**100)\n"));
    assert_eq!(construct, "an integer beyond 64 bits, used here");
    assert_eq!(text, "10**100");
}

#[test]
fn an_int_compared_with_a_big_integer_compares_big_ints() {
    let text = listing(&main_of("    print(3 > 10**100)\n"));
    has_all(&text, &["if BigInt::from(3) > BigInt::from(10).pow(100) {"]);
}

#[test]
fn float_literals_print_their_exponent_as_python_does() {
    let text = listing(&main_of(
        "    print(1e16, 2.5e-7, 0.001)\n    print(repr(1e22), str(1e-5))\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"1e+16 2.5e-07 {:?}\", 0.001);",
            "\"1e+22\".to_string()",
            "\"1e-05\".to_string()",
        ],
    );
}

#[test]
fn float_of_a_padded_string_trims_it_first() {
    let text = listing(&main_of("    print(float(\" 7 \"), float(\"2.5\"))\n"));
    has_all(
        &text,
        &[
            "\" 7 \".trim().parse::<f64>().unwrap()",
            "\"2.5\".parse::<f64>().unwrap()",
        ],
    );
}
