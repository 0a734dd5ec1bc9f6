//! The Rust listing of `first, *rest = rows` of a list (the first items
//! indexed, the rest the list after them) and of `for a, b in rows` of a
//! list of lists (each row seen as an array), with the refusals where
//! Python's `ValueError` could be caught or the value is no list.
//! (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/strings__split_join.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_starred_name_last_takes_the_rest_of_the_list() {
    let text = listing(&main_of(
        "    rows = [[\"name\", \"age\"], [\"Ada\", \"36\"], [\"Alan\", \"41\"]]\n    \
header, *data = rows\n    print(header, data)\n",
    ));
    has_all(
        &text,
        &[
            "let (header, data) = (\n        rows[0].clone(),\n        rows.iter().cloned().skip(1).collect::<Vec<_>>(),\n    );",
        ],
    );
}

#[test]
fn rows_unpacked_in_a_loop_are_arrays_of_the_pattern_s_length() {
    let text = listing(&main_of(
        "    rows = [\"a,1\", \"b,2\"]\n    pairs = [r.split(\",\") for r in rows]\n    \
for name, n in pairs:\n        print(name, int(n) + 1)\n    \
grid = [[1, 2], [3, 4]]\n    for x, y in grid:\n        print(x * y > 2)\n",
    ));
    has_all(
        &text,
        &[
            "for [name, n] in pairs\n        .iter()\n        .map(|row| <&[_; 2]>::try_from(row.as_slice()).unwrap())\n    {",
            "n.trim().parse::<i64>().unwrap() + 1",
            ".map(|row| <[_; 2]>::try_from(row.as_slice()).unwrap())\n    {",
        ],
    );
}

#[test]
fn a_starred_unpacking_where_its_value_error_could_be_caught_is_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    rows = [1, 2]\n    try:\n        first, *rest = rows\n        if first > 5:\n            \
raise ValueError(\"big\")\n    except ValueError:\n        print(\"short\")\n",
    ));
    assert_eq!(construct, "this starred unpacking");
    assert!(reason.contains("`ValueError`"), "{reason}");
    assert_eq!(at, "first, *rest = rows");
}

#[test]
fn a_starred_unpacking_of_what_is_not_always_a_list_is_refused() {
    let (construct, reason, _) = refused(&main_of(
        "    word = \"abc\"\n    first, *rest = word\n    print(first, rest)\n",
    ));
    assert_eq!(construct, "this starred unpacking");
    assert!(reason.contains("not always a list"), "{reason}");
    let (_, reason, _) = refused(&main_of(
        "    xs = [1, 2, 3]\n    *init, last = xs\n    print(init, last)\n",
    ));
    assert!(reason.contains("not last"), "{reason}");
}

#[test]
fn rows_unpacked_where_a_value_error_could_be_caught_are_refused() {
    let (construct, _, _) = refused(&main_of(
        "    grid = [[1, 2], [3]]\n    try:\n        for x, y in grid:\n            \
if x > y:\n                raise ValueError(\"x\")\n    except ValueError:\n        print(\"short\")\n",
    ));
    assert_eq!(construct, "unpacking a list");
}

#[test]
fn rows_of_lists_of_lists_are_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    grid = [[[1], [2]], [[3], [4]]]\n    for a, b in grid:\n        print(a, b)\n",
    ));
    assert_eq!(construct, "unpacking each row of this list");
    assert!(reason.contains("index the row"), "{reason}");
    assert!(at.starts_with("for a, b in grid:"), "{at}");
}
