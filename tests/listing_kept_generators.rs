//! The Rust listing of a generator expression kept in a variable and read
//! by `list(gen)` more than once: the iterator itself, bound `let mut` and
//! collected through `.by_ref()`, so the second reading is empty as in
//! Python.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_kept_generator_read_twice_is_an_iterator_read_by_ref() {
    let text = listing(&main_of(
        "    letters = (c for c in \"abc\")\n    print(list(letters))\n    \
print(list(letters))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let mut letters = \"abc\".chars().map(|c| c.to_string());",
            "py_list(&letters.by_ref().collect::<Vec<_>>())",
        ],
    );
    assert!(!text.contains("letters.clone()"), "{text}");
}

#[test]
fn a_kept_generator_read_in_a_loop_by_list_is_an_iterator() {
    let text = listing(&main_of(
        "    squares = (n * n for n in range(4))\n    for i in range(2):\n        \
print(i, list(squares))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let mut squares = (0..4).map(|n: i64| n * n);",
            "squares.by_ref().collect::<Vec<_>>()",
        ],
    );
}

#[test]
fn a_kept_generator_read_otherwise_is_refused() {
    for reading in [
        "print(list(gen), sum(gen))",
        "print(list(gen), list( gen ))",
    ] {
        let (construct, reason, at) = refused(&main_of(&format!(
            "    gen = (n for n in range(3))\n    {reading}\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(
            construct,
            "a generator expression kept in a variable and read again"
        );
        assert!(reason.contains("`list(gen)` only"), "{reason}");
        assert_eq!(at, "(n for n in range(3))");
    }
}

/// A list comprehension read twice is a list: each reading sees it whole.
#[test]
fn a_list_comprehension_read_twice_stays_a_vec() {
    let text = listing(&main_of(
        "    nums = [n for n in range(3)]\n    print(list(nums), list(nums))\n    \
await asyncio.sleep(0)\n",
    ));
    assert!(!text.contains("by_ref"), "{text}");
    assert!(text.contains(".collect::<Vec<_>>()"), "{text}");
}
