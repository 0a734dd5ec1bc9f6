//! The Rust listing of a dict display whose keys are of several types,
//! printed where it is made: its keys are `PyValue`s, which are `Eq` and
//! `Hash`; and the refusal of such a dict kept, or whose keys are no
//! literals or are equal to Python. (Python's own output is checked by
//! `tests/rust_listings.rs` on `tests/programs/dicts__mixed_keys.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn keys_of_several_types_are_py_values() {
    let text = listing(&main_of(
        "    print({1: \"one\", 2.5: None, (1, 2): \"pair\"})\n",
    ));
    has_all(
        &text,
        &[
            "        IndexMap::from([\n            (PyValue::Int(1), PyValue::Str(\"one\".to_string())),\n",
            "            (PyValue::Float(2.5), PyValue::None),\n",
            "                PyValue::Tuple(vec![PyValue::Int(1), PyValue::Int(2)]),\n",
            "        ])\n        .repr()\n",
            "impl Eq for PyValue {}",
            "            PyValue::Float(v) => v.to_bits().hash(state),\n",
            "            PyValue::Tuple(v) => match v.as_slice() {\n                [one] => write!(f, \"({},)\", one.repr()),\n",
        ],
    );
}

#[test]
fn values_of_one_type_stay_their_own() {
    let text = listing(&main_of("    print({1: \"one\", \"two\": \"2\"})\n"));
    has_all(
        &text,
        &[
            "            (PyValue::Int(1), \"one\".to_string()),\n",
            "            (PyValue::Str(\"two\".to_string()), \"2\".to_string())\n        ])\n",
            "impl std::hash::Hash for PyValue {",
        ],
    );
}

#[test]
fn keys_of_one_type_need_no_py_value() {
    let text = listing(&main_of("    print({1: \"one\", 2: \"two\"})\n"));
    assert!(!text.contains("PyValue"), "{text}");
}

#[test]
fn a_key_python_takes_for_another_is_refused() {
    let (construct, reason, at) =
        refused(&main_of("    print({1: \"a\", \"b\": 2, 1.0: \"c\"})\n"));
    assert_eq!(
        construct,
        "a key equal to another of its dict, of another type"
    );
    assert!(
        reason.contains("`1`, `1.0` and `True` for one key"),
        "{reason}"
    );
    assert_eq!(at, "1.0");
    let (_, _, at) = refused(&main_of("    print({1: \"a\", True: \"b\"})\n"));
    assert_eq!(at, "True");
    let (_, _, at) = refused(&main_of(
        "    print({(1, \"x\"): \"a\", (1.0, \"x\"): \"b\"})\n",
    ));
    assert_eq!(at, "(1.0, \"x\")");
}

#[test]
fn a_key_made_as_the_program_runs_is_refused() {
    let (construct, _, at) = refused(&main_of("    n = 3\n    print({n: \"a\", \"b\": \"c\"})\n"));
    assert_eq!(
        construct,
        "a key made as the program runs, beside keys of other types"
    );
    assert_eq!(at, "n");
}

#[test]
fn a_dict_kept_is_refused() {
    let (construct, reason, at) =
        refused(&main_of("    d = {1: \"a\", \"b\": 2}\n    print(d[1])\n"));
    assert_eq!(construct, "a dict whose keys are of several types, kept");
    assert!(reason.contains("print it where it is made"), "{reason}");
    assert_eq!(at, "{1: \"a\", \"b\": 2}");
}

#[test]
fn float_keys_alone_are_refused() {
    let (construct, reason, at) = refused(&main_of("    print({1.5: 1, 2.5: 2})\n"));
    assert_eq!(construct, "a float as a dict's key");
    assert!(reason.contains("no `Eq` or `Hash`"), "{reason}");
    assert_eq!(at, "1.5");
}
