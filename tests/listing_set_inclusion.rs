//! Sets ordered by inclusion: `<=` and `>=` are `is_subset` and
//! `is_superset`, the strict `<` and `>` add that the sets differ where
//! each side is a name; other inclusions of sets are refused at their
//! place.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn subset_and_superset_are_btreeset_methods() {
    let text = listing(&main_of(
        "    a = {1, 2}\n    b = {1, 2, 3}\n    print(a <= b, b >= a, a <= {1, 2, 5}, set() <= a)\n",
    ));
    has_all(
        &text,
        &[
            "if a.is_subset(&b) {",
            "if b.is_superset(&a) {",
            "if a.is_subset(&BTreeSet::from([1, 2, 5])) {",
            "if BTreeSet::new().is_subset(&a) {",
        ],
    );
}

#[test]
fn a_strict_inclusion_adds_that_the_sets_differ() {
    let text = listing(&main_of(
        "    a = {1, 2}\n    b = {1, 2, 3}\n    print(a < b, b > a)\n",
    ));
    has_all(
        &text,
        &[
            "if a != b && a.is_subset(&b) {",
            "if b != a && b.is_superset(&a) {",
        ],
    );
}

#[test]
fn a_strict_inclusion_of_a_set_made_in_place_is_refused() {
    let (construct, reason, text) = refused(&main_of("    a = {1, 2}\n    print(a < a | {3})\n"));
    assert_eq!(construct, "the operator `<` of sets");
    assert_eq!(text, "a < a | {3}");
    assert!(reason.contains("keep each set in a variable"), "{reason}");
}

#[test]
fn a_set_compared_with_a_list_or_a_set_of_other_items_is_refused() {
    for (body, at) in [
        ("    a = {1, 2}\n    print(a <= [1, 2])\n", "a <= [1, 2]"),
        (
            "    a = {1, 2}\n    b = {\"x\"}\n    print(a >= b)\n",
            "a >= b",
        ),
    ] {
        let (construct, _, text) = refused(&main_of(body));
        assert!(construct.ends_with("` of sets"), "{construct}");
        assert_eq!(text, at, "{body}");
    }
}
