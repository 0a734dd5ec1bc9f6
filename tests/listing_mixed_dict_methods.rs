//! The Rust listing of the methods of a dict whose values are strings,
//! numbers and booleans side by side (the listing's `PyValue`): what
//! `get` gives printed as Python prints it, and the values given to `pop`,
//! `setdefault` and `update` written as `PyValue`s. (Python's own output
//! is checked by `tests/rust_listings.rs` on
//! `tests/programs/dicts__mixed_value_methods.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

/// A program whose `main` makes the dict `d` of a string and a number,
/// then runs `body`.
fn with_dict(body: &str) -> String {
    main_of(&format!(
        "    d = {{\"name\": \"svc\", \"size\": 4}}\n{body}    await asyncio.sleep(0)\n"
    ))
}

#[test]
fn get_of_a_mixed_dict_prints_the_value_or_none() {
    let text = listing(&with_dict(
        "    print(d.get(\"size\"), repr(d.get(\"name\")))\n",
    ));
    has_all(
        &text,
        &[
            ".map_or_else(|| \"None\".into(), |v| v.to_string())",
            ".map_or_else(|| \"None\".to_string(), |v| v.repr())",
        ],
    );
}

#[test]
fn values_given_to_pop_and_setdefault_are_py_values() {
    let text = listing(&with_dict(
        "    print(d.pop(\"x\", \"none\"), d.setdefault(\"n\", 2))\n",
    ));
    has_all(
        &text,
        &[
            ".unwrap_or(PyValue::Str(\"none\".to_string()))",
            ".or_insert(PyValue::Int(2))",
        ],
    );
}

#[test]
fn an_update_from_a_literal_or_keywords_wraps_each_value() {
    let text = listing(&with_dict(
        "    d.update({\"on\": True})\n    d.update(owner=\"ops\", port=8080)\n    print(d)\n",
    ));
    has_all(
        &text,
        &[
            "d.extend([(\"on\".to_string(), PyValue::Bool(true))]);",
            "    d.extend([\n        (\"owner\".to_string(), PyValue::Str(\"ops\".to_string())),\n        \
             (\"port\".to_string(), PyValue::Int(8080)),\n    ]);",
        ],
    );
}

#[test]
fn an_update_from_a_dict_of_one_type_is_refused() {
    let (construct, _, at) = refused(&with_dict(
        "    other = {\"owner\": \"ops\"}\n    d.update(other)\n    print(d)\n",
    ));
    assert_eq!(
        (construct.as_str(), at.as_str()),
        ("this `update`", "d.update(other)")
    );
}
