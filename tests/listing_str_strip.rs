//! The Rust listing of `strip`, `lstrip` and `rstrip` of given characters,
//! `split(sep, maxsplit)`, `splitlines()` and `join` of a string's
//! characters, and the refusals of the arguments Rust has no such form
//! for. (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/strings__strip_split_lines.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn characters_to_strip_are_a_char_or_an_array_of_them() {
    let text = listing(&main_of(
        "    print(\"xxhixx\".strip(\"x\"), \"<[a]>\".strip(\"<>[]<\"), \"0042\".lstrip(\"0\"))\n    \
print(\"1.50\".rstrip(\"0\"), \" a \".lstrip(), \" a \".rstrip(), \"ab\".strip(\"\"))\n",
    ));
    has_all(
        &text,
        &[
            "\"xxhixx\".trim_matches('x')",
            "\"<[a]>\".trim_matches(['<', '>', '[', ']'])",
            "\"0042\".trim_start_matches('0')",
            "\"1.50\".trim_end_matches('0')",
            "\" a \".trim_start()",
            "\" a \".trim_end()",
        ],
    );
    assert!(!text.contains("\"ab\".trim"), "{text}");
}

#[test]
fn split_with_a_maxsplit_is_splitn_of_one_piece_more() {
    let text = listing(&main_of(
        "    print(\"k=v=w\".split(\"=\", 1), \"a=b\".split(\"=\", 0))\n",
    ));
    has_all(
        &text,
        &[
            "\"k=v=w\".splitn(2, \"=\").map(String::from).collect::<Vec<_>>()",
            "\"a=b\".splitn(1, \"=\")",
        ],
    );
}

#[test]
fn splitlines_is_a_helper_that_knows_every_line_boundary() {
    let text = listing(&main_of(
        "    text = \"a\\r\\nb\"\n    for line in text.splitlines():\n        print(line)\n",
    ));
    has_all(
        &text,
        &[
            "for line in &py_splitlines(&text) {",
            "fn py_splitlines(s: &str) -> Vec<String> {",
            "s.replace(\"\\r\\n\", \"\\n\")",
            ".split_terminator(ENDS)",
        ],
    );
    assert!(!text.contains(".lines()"), "{text}");
}

#[test]
fn join_of_a_string_joins_its_characters() {
    let text = listing(&main_of("    print(\" | \".join(\"abc\"))\n"));
    has_all(
        &text,
        &[
            "\"abc\"\n",
            ".chars()\n",
            ".map(String::from)\n",
            ".join(\" | \")",
        ],
    );
}

#[test]
fn characters_to_strip_that_are_no_literal_are_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    chars = \"x\"\n    print(\"xhix\".strip(chars))\n",
    ));
    assert_eq!(construct, "these characters to strip");
    assert!(reason.contains("string literal"), "{reason}");
    assert_eq!(at, "\"xhix\".strip(chars)");
    let (construct, _, _) = refused(&main_of("    print(\" a \".strip(None))\n"));
    assert_eq!(construct, "these characters to strip");
}

#[test]
fn split_on_whitespace_with_a_maxsplit_is_refused() {
    let (construct, reason, at) = refused(&main_of("    print(\"a  b c\".split(None, 1))\n"));
    assert_eq!(construct, "these arguments of `split`");
    assert!(reason.contains("splitn(maxsplit + 1, sep)"), "{reason}");
    assert_eq!(at, "\"a  b c\".split(None, 1)");
    let (construct, _, _) = refused(&main_of("    n = 1\n    print(\"a=b\".split(\"=\", n))\n"));
    assert_eq!(construct, "these arguments of `split`");
}

#[test]
fn an_empty_separator_is_refused() {
    let (construct, reason, _) = refused(&main_of("    print(\"ab\".split(\"\"))\n"));
    assert_eq!(construct, "this empty separator of `split`");
    assert!(reason.contains("ValueError"), "{reason}");
    let (construct, _, _) = refused(&main_of("    print(\"ab\".split(\"\", 1))\n"));
    assert_eq!(construct, "these arguments of `split`");
}
