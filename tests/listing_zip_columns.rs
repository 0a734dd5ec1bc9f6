//! `a, b = zip(*[...])` of tuples of literals: the listing writes the
//! columns as tuples; a starred `zip` of anything else stays refused.
//! (`tests/rust_listings.rs` builds and runs `builtins__enumerate_zip.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of};

#[test]
fn the_columns_of_literal_tuples_are_tuples() {
    let text = listing(&main_of(
        "    names, values = zip(*[(\"a\", 1), (\"b\", 2), (\"c\", 3)])\n    \
print(names, values)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let (names, values) = (\n        (\"a\".to_string(), \"b\".to_string(), \"c\".to_string()),\n        (1, 2, 3),\n    );",
            "println!(\"{} {}\", names.repr(), values.repr());",
        ],
    );
}

#[test]
fn a_starred_zip_of_rows_that_are_not_literals_is_refused() {
    let (construct, _, at) = support::refused(&main_of(
        "    rows = [(\"a\", 1), (\"b\", 2)]\n    names, values = zip(*rows)\n    \
print(names, values)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a keyword or starred argument");
    assert!(at.contains("zip(*rows)"), "{at}");
}

#[test]
fn rows_of_another_length_than_the_names_are_refused() {
    let (construct, _, _) = support::refused(&main_of(
        "    names, values = zip(*[(\"a\", 1, 0), (\"b\", 2, 0)])\n    \
print(names, values)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a keyword or starred argument");
}
