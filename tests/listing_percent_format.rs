//! `pattern % values` with a pattern that is no literal: Python's
//! printf-style formatting, which Rust's `%` does not do, is refused at its
//! place; `%` of numbers stays a remainder.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, listing, main_of};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

#[test]
fn percent_formatting_of_a_pattern_variable_is_refused_at_its_place() {
    let text = shown(&main_of(
        "    name = \"%s is %d\"\n    print(name % (\"ada\", 3))\n    line = \"%d%%\"\n    line %= 5\n    print(line)\n",
    ));
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (2 to do):",
            "// x.py:6:11: `%` formatting of a string that is no literal",
            "// x.py:8:5: `%` formatting of a string that is no literal",
            "Rust's `%` is a remainder of numbers",
        ],
    );
}

#[test]
fn a_remainder_of_numbers_is_still_translated() {
    let text = listing(&main_of("    n = 7\n    print(n % 3)\n"));
    has_all(&text, &["println!(\"{}\", i64::rem_euclid(n, 3));"]);
}
