//! Values that may be `None` in the Rust listing: `d.get(k)` is an
//! `Option`, `x and f(x)` maps the value, `a if x is not None else b`
//! unwraps it, and the truth of literals (`not None`) and of a list that
//! stays empty is known at once. (`tests/rust_listings.rs` builds and runs
//! the corpus programs `values__dict_get_none.py` and
//! `control__bool_ops.py`.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, main_of};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

/// The first item the listing refuses in `source`, at its place.
fn first_refusal(source: &str) -> String {
    let text = shown(source);
    assert!(
        text.starts_with("// The translator cannot translate"),
        "{text}"
    );
    text.lines().nth(1).unwrap_or_default().to_string()
}

#[test]
fn get_of_a_dict_is_the_value_or_none() {
    let text = shown(&main_of(
        "    d = {\"a\": 1}\n    x = d.get(\"a\")\n    y = d.get(\"b\")\n    \
         print(x, y is None)\n",
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &[
            "let x = d.get(\"a\").copied();",
            "let y = d.get(\"b\").copied();",
            "x.map_or_else(|| \"None\".into(), |v| v.to_string())",
            "if y.is_none() { \"True\" } else { \"False\" }",
        ],
    );
}

#[test]
fn get_of_a_dict_of_strings_clones_the_value_out() {
    let text = shown(&main_of(
        "    d = {\"a\": \"x\"}\n    s = d.get(\"a\")\n    print(repr(s))\n",
    ));
    has_all(
        &text,
        &[
            "let s = d.get(\"a\").cloned();",
            "s.as_deref()\n            .map_or_else(|| \"None\".to_string(), |v| py_repr(v))",
        ],
    );
}

#[test]
fn and_of_an_optional_value_maps_it() {
    let text = shown(&main_of(
        "    d = {\"a\": 1}\n    x = d.get(\"a\")\n    y = x and x + 10\n    print(y)\n",
    ));
    has_all(
        &text,
        &["let y = x.map(|x| if x != 0 { x + 10 } else { x });"],
    );
}

#[test]
fn a_long_and_of_an_optional_string_is_a_block_as_rustfmt_writes_it() {
    let text = shown(&main_of(
        "    d = {\"a\": \"x\"}\n    s = d.get(\"a\")\n    t = s and s.upper()\n    print(t)\n",
    ));
    has_all(
        &text,
        &["    let t = s.as_deref().map(|s| {\n        \
             if !s.is_empty() {\n            s.to_uppercase()\n        } else {\n            \
             s.to_string()\n        }\n    });"],
    );
}

#[test]
fn a_conditional_on_is_not_none_unwraps_the_value() {
    let text = shown(&main_of(
        "    d = {\"a\": 1}\n    x = d.get(\"b\")\n    print(x if x is not None else -1)\n    \
         print(0 if x is None else x * 2)\n    s = {\"k\": \"v\"}.get(\"k\")\n    \
         label = s if s is not None else \"none\"\n    print(label)\n",
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &[
            "x.unwrap_or(-1)",
            "x.map_or(0, |x| x * 2)",
            "let label = s.as_deref().unwrap_or(\"none\").to_string();",
        ],
    );
}

#[test]
fn a_conditional_on_is_not_none_with_a_default_of_another_type_is_refused() {
    let line = first_refusal(&main_of(
        "    d = {\"a\": 1}\n    x = d.get(\"b\")\n    print(x if x is not None else 0.5)\n",
    ));
    assert_eq!(
        line,
        "// x.py:7:11: a conditional expression of a number that may be `None` and a \
         number of another type"
    );
    let line = first_refusal(&main_of(
        "    d = {\"a\": 1}\n    x = d.get(\"b\")\n    print(x if x is not None else \"none\")\n",
    ));
    assert_eq!(
        line,
        "// x.py:7:11: a conditional expression of a number that may be `None` and a string"
    );
}

#[test]
fn not_of_a_literal_and_bools_in_arithmetic_are_as_python_has_them() {
    let text = shown(&main_of(
        "    print(not None, not [], not 0, True + True, 3 not in (1, 2))\n",
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &[
            "\"True True True {} {}\"",
            "i64::from(true) + i64::from(true)",
            "if !vec![1, 2].contains(&3) {",
        ],
    );
}

#[test]
fn and_of_a_list_that_stays_empty_is_the_list() {
    let text = shown(&main_of(
        "    items = []\n    first = items and items[0]\n    print(repr(first))\n",
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &[
            "let items = Vec::<()>::new();",
            "let first = items.clone();",
        ],
    );
}

#[test]
fn and_of_a_list_that_is_filled_is_refused() {
    let line = first_refusal(&main_of(
        "    items = []\n    items.append(1)\n    first = items and items[0]\n    print(first)\n",
    ));
    assert_eq!(line, "// x.py:7:13: an `and` of a list and a number");
}

#[test]
fn the_block_of_is_not_none_reads_the_value() {
    let text = shown(&main_of(
        "    d = {\"a\": \"x\"}\n    s = d.get(\"a\")\n    if s is not None:\n        \
         print(s.upper())\n    else:\n        print(\"none\")\n    n = {\"k\": 1}.get(\"k\")\n    \
         if n is not None:\n        print(n + 1)\n",
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &[
            "    if let Some(s) = s.as_deref() {\n        println!(\"{}\", s.to_uppercase());\n    \
             } else {\n        println!(\"none\");\n    }",
            "    if let Some(n) = n {\n        println!(\"{}\", n + 1);\n    }",
        ],
    );
}

#[test]
fn a_variable_given_a_value_after_none_is_refused() {
    let line = first_refusal(&main_of(
        "    best = None\n    for n in [3, 1]:\n        if best is None or n > best:\n            \
         best = n\n    print(best)\n",
    ));
    assert_eq!(line, "// x.py:8:13: `best` given a value after `None`");
}

#[test]
fn none_given_to_a_variable_holding_an_option_is_none() {
    let text = shown(&main_of(
        "    d = {\"a\": 1}\n    last = None\n    for k in [\"a\", \"b\"]:\n        \
         last = d.get(k)\n    print(last)\n    last = None\n    print(last)\n",
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &[
            "let mut last = None;",
            "last = d.get(k).copied();",
            "    last = None;\n",
        ],
    );
}
