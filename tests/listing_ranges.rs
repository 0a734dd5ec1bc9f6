//! The Rust listing of `range` with a negative step: the numbers from the
//! start down to the one after the stop, `(stop + 1..=start).rev()`,
//! stepped; the length of such an inclusive range is counted.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of};

#[test]
fn a_range_counting_down_is_a_reversed_inclusive_range() {
    let text = listing(&main_of(
        "    print(list(range(10, 0, -3)), list(range(5, -1, -1)))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "(1..=10).rev().step_by(3).collect::<Vec<_>>()",
            "(0..=5).rev().collect::<Vec<_>>()",
        ],
    );
}

#[test]
fn a_computed_stop_is_followed_by_one() {
    let text = listing(&main_of(
        "    n = 4\n    for k in range(n * 2, n, -1):\n        print(k)\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["for k in (n + 1..=n * 2).rev() {"]);
}

#[test]
fn the_length_of_an_inclusive_range_is_counted() {
    let text = listing(&main_of(
        "    n = 4\n    print(len(range(10, 0, -3)), len(range(1, n + 1)), len(range(n)))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "(1..=10).rev().step_by(3).count() as i64",
            "(1..=n).count() as i64",
            "(0..n).len() as i64",
        ],
    );
}
