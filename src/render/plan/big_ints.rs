//! Integer literals beyond 64 bits: refused, with what Rust would need for them.

use super::{Result, refuse};
use std::ops::Range;

/// Refuses an integer beyond `i64` at `span`; `fits_i128` tells whether
/// Rust's `i128` would hold it.
pub(super) fn refuse_big<T>(span: &Range<usize>, fits_i128: bool) -> Result<T> {
    let reason = if fits_i128 {
        "the Rust listing's integers are `i64`; this one would fit an `i128`, but then so \
         must every integer it meets, where Python's `int` simply grows"
    } else {
        "the Rust listing's integers are `i64`, and no integer type of Rust's standard \
         library holds this one (`i128` stops below 2**127): it takes a big-integer crate"
    };
    refuse(span, "an integer beyond 64 bits", reason)
}

/// Whether the decimal integer `digits` fits an `i128`.
pub(super) fn fits_i128(digits: &str) -> bool {
    digits.parse::<i128>().is_ok()
}
