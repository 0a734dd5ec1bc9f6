//! The Rust listing of slices with literal bounds: a list's or a string's
//! items skipped, taken, stepped or reversed and collected again (bounds
//! past the end clamp as in Python), a tuple's the fields picked, and the
//! refusal of the other slices.

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

#[test]
fn other_slices_are_refused_at_their_place() {
    for (slice, at) in [
        ("xs[-3:-1]", "-3:-1"),
        ("xs[4:1:-1]", "4:1:-1"),
        ("xs[i:]", "i:"),
        ("xs[::0]", "::0"),
        ("[1, 2, 3][-2:]", "-2:"),
    ] {
        let (construct, reason, span) = refused(&main_of(&format!(
            "    i = 1\n    xs = [1, 2, 3]\n    print({slice})\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(construct, "this slice", "{slice}");
        assert!(reason.contains("literal bounds"), "{reason}");
        assert_eq!(span, at, "{slice}");
    }
}
