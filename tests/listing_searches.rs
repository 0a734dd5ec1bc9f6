//! The Rust listing of the search methods of strings and lists: `find`,
//! `index` (with a start), `count`, `partition`, `replace` with a count and
//! `startswith` of a tuple; `index` inside a `try` that takes its
//! `ValueError` gives the `Err` with CPython's message (the corpus programs
//! `strings__methods_search` and `lists__methods` are built and run by
//! `tests/rust_listings.rs`); and what stays refused.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refused};

#[test]
fn find_counts_places_in_characters() {
    let text = listing(&main_of(
        "    s = \"héllo\"\n    print(s.find(\"l\"), s.find(\"l\", 3), s.find(\"z\"), s.index(\"o\"))\n",
    ));
    has_all(
        &text,
        &[
            "py_find(&s, \"l\", 0).unwrap_or(-1),",
            "py_find(&s, \"l\", 3).unwrap_or(-1),",
            "py_find(&s, \"o\", 0).expect(\"substring not found\")",
            "fn py_find(text: &str, sub: &str, start: i64) -> Option<i64> {",
            "    Some(text[..at].chars().count() as i64)",
        ],
    );
}

#[test]
fn index_of_a_missing_substring_is_a_value_error() {
    let text = listing(&main_of(
        "    s = \"abc\"\n    try:\n        print(s.index(\"z\"))\n    except ValueError as e:\n        print(\"ValueError:\", e)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"{}\", py_str_index(&s, \"z\", 0)?);",
            "err @ Error::ValueError(_) => {",
            "fn py_str_index(text: &str, sub: &str, start: i64) -> Result<i64, Error> {",
            "Error::ValueError(\"substring not found\".to_string())",
            "fn py_find(",
        ],
    );
}

#[test]
fn index_of_a_missing_list_item_names_it() {
    let text = listing(&main_of(
        "    xs = [\"a\", \"b\"]\n    try:\n        print(xs.index(\"b\"), xs.index(\"c\", 1))\n    except ValueError as e:\n        print(e)\n",
    ));
    has_all(
        &text,
        &[
            "py_index(&xs, &\"b\", 0).ok_or_else(|| Error::ValueError(format!(\"{} is not in list\", py_repr(\"b\"))))?",
            "py_index(&xs, &\"c\", 1)",
            "fn py_index<T: PartialEq<V>, V: ?Sized>(items: &[T], value: &V, start: i64) -> Option<i64> {",
        ],
    );
}

#[test]
fn counts_of_strings_and_lists() {
    let text = listing(&main_of(
        "    s = \"banana\"\n    xs = [3, 1, 3]\n    print(s.count(\"an\"), xs.count(3), xs.index(1))\n",
    ));
    has_all(
        &text,
        &[
            "s.matches(\"an\").count() as i64,",
            "xs.iter().filter(|item| **item == 3).count() as i64,",
            "py_index(&xs, &1, 0).unwrap()",
        ],
    );
}

#[test]
fn partition_gives_three_strings() {
    let text = listing(&main_of(
        "    key, sep, value = \"a=b=c\".partition(\"=\")\n    print(key, sep, value)\n    print(\"abc\".partition(\"-\"))\n",
    ));
    has_all(
        &text,
        &[
            "let (key, sep, value) = py_partition(\"a=b=c\", \"=\");",
            "println!(\"{}\", py_partition(\"abc\", \"-\").repr());",
            "fn py_partition(text: &str, sep: &str) -> (String, String, String) {",
            "        None => (text.to_string(), String::new(), String::new()),",
        ],
    );
}

#[test]
fn replace_with_a_count_is_replacen() {
    let text = listing(&main_of(
        "    s = \"a-b-c\"\n    print(s.replace(\"-\", \"+\", 1), s.replace(\"-\", \"+\", -1))\n",
    ));
    has_all(
        &text,
        &["s.replacen(\"-\", \"+\", 1),", "s.replace(\"-\", \"+\")"],
    );
}

#[test]
fn startswith_a_tuple_tests_each_string() {
    let text = listing(&main_of(
        "    s = \"prefix\"\n    print(s.startswith((\"pre\", \"post\")), s.upper().endswith((\"X\", \"Y\")))\n",
    ));
    has_all(
        &text,
        &[
            "if s.starts_with(\"pre\") || s.starts_with(\"post\") {",
            "if [\"X\", \"Y\"]\n            .iter()\n            \
.any(|affix| s.to_uppercase().ends_with(affix))\n        {",
        ],
    );
}

#[test]
fn a_count_or_separator_not_written_as_a_literal_is_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    n = 2\n    print(\"a-b-c\".replace(\"-\", \"+\", n))\n",
    ));
    assert_eq!(construct, "this count of `replace`");
    assert!(reason.contains("integer literal"), "{reason}");
    assert_eq!(at, "\"a-b-c\".replace(\"-\", \"+\", n)");
    let (construct, reason, _) = refused(&main_of(
        "    sep = \"\"\n    print(\"abc\".partition(sep))\n",
    ));
    assert_eq!(construct, "this separator of `partition`");
    assert!(reason.contains("empty"), "{reason}");
}

#[test]
fn a_search_of_what_has_no_such_method_is_refused() {
    let program = asynclings::python::load(
        "x.py",
        &main_of("    xs = [1.5, 2.5]\n    print(xs.index(2.5))\n"),
    )
    .expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (1 to do):",
            "// x.py:6:11: this search of a list",
            "the Rust listing searches a string for a string, or a list of integers",
        ],
    );
}

/// Python raises `TypeError` for a start that is no integer or a sought
/// string that is no string; a list of integers holds no string.
#[test]
fn a_search_for_a_value_of_another_type_is_refused() {
    let program = asynclings::python::load(
        "x.py",
        &main_of(
            "    s = \"abc\"\n    xs = [1, 2]\n    print(s.find(\"b\", 1.5), s.index(1), xs.count(\"a\"), xs.index(2, 0))\n",
        ),
    )
    .expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (3 to do):",
            "// x.py:7:11: this search of a string",
            "// x.py:7:29: this search of a string",
            "// x.py:7:41: this search of a list",
        ],
    );
}
