//! The Rust listing of f-string format specs with nested fields: a width
//! or precision read from a variable is a named `format!` argument
//! (`{name:<w$}`, `w = w as usize`), a literal one is written in place,
//! and other nested fields are refused at their place.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_width_read_from_a_variable_is_a_named_argument() {
    let text = listing(&main_of(
        "    w = 6\n    name = \"ab\"\n    print(f\"{name:<{w}}|{name:>{w}}|\")\n",
    ));
    has_all(
        &text,
        &["println!(\"{name:<w$}|{name:>w$}|\", w = w as usize);"],
    );
}

#[test]
fn a_precision_and_a_computed_width_are_named_arguments() {
    let text = listing(&main_of(
        "    places = 2\n    value = 2 / 7\n    print(f\"{value:.{places}f} {value:>{places + 6}.{places}f}\")\n",
    ));
    has_all(
        &text,
        &[
            "\"{value:.places$} {value:>width$.places$}\"",
            "places = places as usize",
            "width = (places + 6) as usize",
        ],
    );
}

#[test]
fn a_literal_nested_field_is_written_in_place() {
    let text = listing(&main_of("    print(f\"[{7:{5}}] [{1.5:.{3}f}]\")\n"));
    has_all(&text, &["{:5}", "{:.3}"]);
    assert!(!text.contains("usize"), "{text}");
}

#[test]
fn other_nested_fields_are_refused_at_their_place() {
    let (construct, reason, at) = refused(&main_of("    w = 3\n    print(f\"{'a':>{w * 2}}\")\n"));
    assert_eq!(construct, "this nested field of a format spec");
    assert!(reason.contains("a width or precision"), "{reason}");
    assert_eq!(at, "w * 2");
    let (construct, _, at) = refused(&main_of("    w = 3\n    print(f\"{'a':>{w!r}}\")\n"));
    assert_eq!(construct, "this nested field of a format spec");
    assert_eq!(at, "w");
    // A nested fill character is no width: the spec is refused whole.
    let (construct, _, _) = refused(&main_of("    c = '*'\n    print(f\"{'a':{c}>5}\")\n"));
    assert_eq!(construct, "this format spec in an f-string");
}
