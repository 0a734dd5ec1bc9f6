//! The Rust listing of a function that only reads a list or an object it
//! is given: `&[T]` or `&T`, its callers passing `&x` rather than a copy;
//! a value the function keeps, and a list of strings, are still given
//! whole (the corpus program `classes__objects_passed` is built and run
//! by `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A list only summed, measured and looped over is a slice; a list made
/// for the call is an array.
#[test]
fn a_list_a_function_only_reads_is_a_slice() {
    let text = listing(&format!(
        "{HEADER}def total(xs):
    return sum(x * 2 for x in xs)


async def show(xs):
    await asyncio.sleep(0)
    for x in xs:
        print(x, len(xs), total(xs))


async def main():
    scores = [3, 1, 2]
    print(total(scores))
    await show(scores)
    await show([4])
    print(scores)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn total(xs: &[i64]) -> i64 {",
            "async fn show(xs: &[i64]) {",
            "    for x in xs.iter().copied() {",
            "total(&scores)",
        ],
    );
    assert!(!text.contains("scores.clone()"), "{text}");
}

/// An object a function keeps (returns, or puts in a list) is given
/// whole: a borrow could not be kept.
#[test]
fn an_object_a_function_keeps_is_given_whole() {
    let text = listing(&format!(
        "{HEADER}class Parcel:
    def __init__(self, weight):
        self.weight = weight


def keep(parcel):
    return [parcel]


async def main():
    p = Parcel(3)
    print(len(keep(p)), p.weight)
{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn keep(parcel: Parcel) -> Vec<Parcel> {",
            "keep(p.clone())",
        ],
    );
}

/// A list of strings keeps its `Vec` (of `&str` for literals).
#[test]
fn a_list_of_strings_is_not_borrowed() {
    let text = listing(&format!(
        "{HEADER}def count(names):
    return len(names)


async def main():
    print(count([\"a\", \"b\"]))
{RUN}"
    ));
    has_all(&text, &["fn count(names: Vec<&str>) -> i64 {"]);
}

/// A list a later argument of the call changes: Python's function sees
/// the change, a copy taken first would not; refused at the argument.
#[test]
fn a_list_changed_by_a_later_argument_is_refused() {
    let (construct, reason, at) = refused(&format!(
        "{HEADER}def total(xs, last):
    return sum(xs) + last


async def main():
    scores = [3, 1, 2]
    print(total(scores, scores.pop()))
{RUN}"
    ));
    assert_eq!(
        construct,
        "`scores` changed by a later argument of the call"
    );
    assert!(reason.contains("a statement of its own"), "{reason}");
    assert_eq!(at, "scores");
}
