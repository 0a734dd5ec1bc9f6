//! Integers beyond 64 bits are refused at their place, saying whether
//! Rust's `i128` would hold them or only a big-integer crate would.

#[path = "support/listing.rs"]
mod support;

use support::{main_of, refused};

#[test]
fn a_power_beyond_64_bits_that_fits_i128_says_so() {
    let (construct, reason, text) = refused(&main_of("    print(2**70)\n"));
    assert_eq!(construct, "an integer beyond 64 bits");
    assert_eq!(text, "2**70");
    assert!(reason.contains("would fit an `i128`"), "{reason}");
}

#[test]
fn a_power_beyond_128_bits_takes_a_big_integer_crate() {
    let (_, reason, text) = refused(&main_of("    print(10**100 > 1)\n"));
    assert_eq!(text, "10**100");
    assert!(reason.contains("big-integer crate"), "{reason}");
}

#[test]
fn a_literal_beyond_64_bits_is_refused_at_the_literal() {
    let (construct, reason, text) = refused(&main_of("    print(18446744073709551616)\n"));
    assert_eq!(construct, "an integer beyond 64 bits");
    assert_eq!(text, "18446744073709551616");
    assert!(reason.contains("would fit an `i128`"), "{reason}");
}
