//! Expressions whose Rust form would not build, or would print other than
//! CPython, are listed as not translated at their place, with the rest of
//! the program kept; near forms that do build still translate.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust::{self, translate};
use support::{has_all, listing};

/// The first refusal of `source`, a plain script, as the Rust pane's
/// comment names it: `// x.py:line:column: construct`.
fn refusal_line(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    let demo = match translate(&program) {
        Ok(demo) => demo,
        Err(e) => {
            let before = &source[..e.span.start];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            return format!("// x.py:{line}:{column}: {}", e.construct);
        }
    };
    let text = rust::render(&demo).text();
    assert!(
        text.starts_with("// The translator cannot translate this program yet"),
        "translated:\n{text}"
    );
    text.lines().nth(1).unwrap_or_default().to_string()
}

#[test]
fn a_string_method_of_a_number_is_refused_at_the_call() {
    assert_eq!(
        refusal_line("print((3).upper())\n"),
        "// x.py:1:7: a method of a number that Python does not have"
    );
}

#[test]
fn a_read_of_an_empty_dict_at_a_tuple_key_is_refused() {
    assert_eq!(
        refusal_line("print({}[(\"t\", 1)])\n"),
        "// x.py:1:7: a read of a dict that never holds a value"
    );
}

#[test]
fn a_get_of_a_dict_never_filled_is_refused() {
    assert_eq!(
        refusal_line("d = {}\nprint(d.get(\"k\"))\n"),
        "// x.py:2:7: a read of a dict that never holds a value"
    );
}

#[test]
fn a_caught_read_of_an_empty_dict_at_a_string_still_translates() {
    let text =
        listing("try:\n    print({}[\"k\"])\nexcept KeyError as e:\n    print(\"missing\", e)\n");
    has_all(
        &text,
        &["*py_item(&IndexMap::<String, ()>::new(), \"k\")?;"],
    );
}

#[test]
fn in_of_a_tuple_of_two_types_is_refused() {
    assert_eq!(
        refusal_line("x = 1\nprint(x in (1, \"a\"))\n"),
        "// x.py:2:7: `in` of a tuple"
    );
}

#[test]
fn in_of_a_tuple_of_ints_is_a_list_contains() {
    let text = listing("x = 2\nprint(x in (1, 2))\n");
    has_all(&text, &["vec![1, 2].contains(&2)"]);
}

#[test]
fn a_conditional_of_a_float_and_a_bool_is_refused() {
    assert_eq!(
        refusal_line("c = True\nv = 1.5 if c else False\nprint(v)\n"),
        "// x.py:2:5: `a if c else b` of two types"
    );
}

#[test]
fn a_conditional_of_an_int_and_a_float_is_refused() {
    // Python prints `1`; one Rust type would print `1.0`.
    assert_eq!(
        refusal_line("c = True\nprint(1 if c else 2.5)\n"),
        "// x.py:2:7: `a if c else b` of two types"
    );
}

#[test]
fn a_slice_of_a_range_is_refused() {
    assert_eq!(
        refusal_line("print(len(range(2**62)[1:]))\n"),
        "// x.py:1:11: a slice of a `range`"
    );
}

#[test]
fn float_of_text_with_underscores_is_refused() {
    assert_eq!(
        refusal_line("print(float(\"1_000.5\"))\n"),
        "// x.py:1:7: `float()` of text with `_`"
    );
}

#[test]
fn an_int_beyond_two_to_the_53_compared_with_a_float_is_refused() {
    assert_eq!(
        refusal_line("print(2**53 + 1 == 9007199254740992.0)\n"),
        "// x.py:1:7: an int beyond 2**53 compared with a float"
    );
}

#[test]
fn a_small_int_compared_with_a_float_still_translates() {
    let text = listing("n = 3\nprint(n < 3.5)\n");
    assert!(!text.contains("cannot translate"), "{text}");
}
