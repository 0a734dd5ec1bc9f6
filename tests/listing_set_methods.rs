//! The Rust listing of `a.union(x)`, `a.intersection(x)` and
//! `a.difference(x)` (`BTreeSet`'s operators on borrowed sets) and of
//! `s.remove(x)` of a set, its `KeyError` an `Err` where an `except` takes
//! it. (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/sets__union_remove.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn set_methods_are_the_operators_of_borrowed_sets() {
    let text = listing(&main_of(
        "    a = {1, 2, 3}\n    b = {2, 5}\n    print(sorted(a.union(b)), sorted(a.difference([1, 9])))\n    \
print(len(a.intersection({3, 4})))\n",
    ));
    has_all(
        &text,
        &[
            "(&a | &b).into_iter().collect::<Vec<_>>()",
            "(&a - &BTreeSet::from([1, 9]))\n            .into_iter()\n            .collect::<Vec<_>>()",
            "(&a & &BTreeSet::from([3, 4])).len()",
        ],
    );
}

#[test]
fn removing_from_a_set_asserts_it_was_there() {
    let text = listing(&main_of(
        "    seen = {\"a\", \"b\"}\n    seen.remove(\"a\")\n    print(len(seen))\n",
    ));
    has_all(&text, &["assert!(seen.remove(\"a\"));"]);
}

#[test]
fn a_caught_key_error_of_remove_is_an_err_naming_the_item() {
    let text = listing(&main_of(
        "    seen = {1, 2}\n    try:\n        seen.remove(3)\n    except KeyError as e:\n        \
print(\"missing\", e)\n",
    ));
    has_all(
        &text,
        &[
            "py_set_remove(&mut seen, &3)?;",
            "fn py_set_remove<T, Q>(set: &mut BTreeSet<T>, item: &Q) -> Result<(), Error>",
            "Err(Error::KeyError(item.repr()))",
            "trait Repr {",
        ],
    );
}

#[test]
fn a_list_given_where_a_set_is_taken_is_refused() {
    let (construct, _, at) = refused(&main_of(
        "    a = {1, 2}\n    xs = [2, 3]\n    print(sorted(a.difference(xs)))\n",
    ));
    assert_eq!(construct, "the operator `-`");
    assert_eq!(at, "a.difference(xs)");
}
