//! The Rust listing of slices with literal bounds: a list's or a string's
//! items skipped, taken, stepped or reversed and collected again (bounds
//! past the end clamp as in Python, negative ones count from the end), a
//! tuple's the fields picked, and the refusal of the other slices.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_lists_slice_is_its_items_skipped_and_taken() {
    let text = listing(&main_of(
        "    xs = [1, 2, 3, 4, 5]\n    print(xs[1:3], xs[:2], xs[3:], xs[::2], xs[-2:], xs[:-2], xs[::-1])\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "xs.iter().copied().skip(1).take(2).collect::<Vec<_>>()",
            "xs.iter().copied().take(2).collect::<Vec<_>>()",
            "xs.iter().copied().skip(3).collect::<Vec<_>>()",
            "xs.iter().copied().step_by(2).collect::<Vec<_>>()",
            "xs.iter()\n            .copied()\n            .skip(xs.len().saturating_sub(2))\n            .collect::<Vec<_>>()",
            "xs.iter()\n            .copied()\n            .take(xs.len().saturating_sub(2))\n            .collect::<Vec<_>>()",
            "xs.iter().copied().rev().collect::<Vec<_>>()",
        ],
    );
}

#[test]
fn a_strings_slice_is_its_chars_collected() {
    let text = listing(&main_of(
        "    word = \"asyncio\"\n    print(word[:5], word[::-1], word[-3:])\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "word.chars().take(5).collect::<String>()",
            "word.chars().rev().collect::<String>()",
            "word.chars()\n            .skip(word.chars().count().saturating_sub(3))\n            .collect::<String>()",
        ],
    );
}

#[test]
fn a_tuples_slice_is_the_fields_it_picks() {
    let text = listing(&main_of(
        "    p = (3, 4, 5, 6)\n    print(p[1:3], p[::-2], p[:1])\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["(p.1, p.2)", "(p.3, p.1)", "(p.0,)"]);
}

/// The listing with each line joined to the one before, as one chain.
fn joined(text: &str) -> String {
    text.lines().map(str::trim).collect()
}

#[test]
fn bounds_from_the_end_take_then_skip() {
    let text = joined(&listing(&main_of(
        "    xs = [1, 2, 3, 4, 5]\n    print(xs[-3:-1], xs[1:-1], xs[-4:3:2])\n    await asyncio.sleep(0)\n",
    )));
    has_all(
        &text,
        &[
            "xs.iter().copied().take(xs.len().saturating_sub(1)).skip(xs.len().saturating_sub(3)).collect",
            "xs.iter().copied().take(xs.len().saturating_sub(1)).skip(1).collect",
            "xs.iter().copied().take(3).skip(xs.len().saturating_sub(4)).step_by(2).collect",
        ],
    );
}

#[test]
fn a_backward_slice_with_bounds_takes_skips_then_reverses() {
    let text = joined(&listing(&main_of(
        "    xs = [1, 2, 3, 4, 5]\n    word = \"asyncio\"\n    print(xs[4:1:-1], xs[:-4:-2], word[5:1:-2])\n    \
await asyncio.sleep(0)\n",
    )));
    has_all(
        &text,
        &[
            "xs.iter().copied().take(5).skip(2).rev().collect::<Vec<_>>()",
            "xs.iter().copied().skip(xs.len().saturating_sub(3)).rev().step_by(2).collect",
            "word.chars().take(6).skip(2).collect::<Vec<_>>().into_iter().rev().step_by(2).collect::<String>()",
        ],
    );
}

#[test]
fn a_strings_index_past_its_end_is_the_caught_index_error() {
    let text = listing(&main_of(
        "    word = \"abc\"\n    try:\n        print(word[-8])\n    except IndexError as e:\n        \
print(\"IndexError:\", e)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"{}\", py_char_at(&word, -8)?);",
            "fn py_char_at(text: &str, index: i64) -> Result<String, Error> {",
            "Error::IndexError(\"string index out of range\".to_string())",
        ],
    );
}

#[test]
fn other_slices_are_refused_at_their_place() {
    for (slice, at) in [
        ("xs[i:]", "i:"),
        ("xs[::0]", "::0"),
        ("xs[1:i:2]", "1:i:2"),
        ("[1, 2, 3][-2:]", "-2:"),
        ("[1, 2, 3][:-1:-1]", ":-1:-1"),
    ] {
        let (construct, reason, span) = refused(&main_of(&format!(
            "    i = 1\n    xs = [1, 2, 3]\n    print({slice})\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(construct, "this slice", "{slice}");
        assert!(reason.contains("literal bounds"), "{reason}");
        assert_eq!(span, at, "{slice}");
    }
}
