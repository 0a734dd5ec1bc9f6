//! What a `try` around a list's unpacking, or an exception raised with an
//! empty message, would show: the unpacking of a list (its array's
//! `unwrap` would end the program) is refused where an `except` could take
//! its `ValueError`, and `ValueError("")` is written `ValueError('')` with
//! the args `('',)`, unless the class is also raised without an argument.
//! Both refusals are found once the types are known, and `translate`
//! returns them as it returns the plan's own.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, refused};

#[test]
fn unpacking_a_list_where_a_value_error_is_caught_is_refused() {
    let (construct, reason, at) = refused(
        "def pair(xs):\n    try:\n        a, b = xs\n        print(a, b)\n    except ValueError as e:\n        print(\"bad:\", e)\n\n\npair([1, 2, 3])\n",
    );
    assert_eq!(construct, "unpacking a list");
    assert!(reason.contains("raises ValueError"), "{reason}");
    assert_eq!(at, "a, b = xs");
}

#[test]
fn unpacking_a_tuple_where_a_value_error_is_caught_translates() {
    let text = listing(
        "def pair(t):\n    try:\n        a, b = t\n        print(a, b)\n    except ValueError as e:\n        print(\"bad:\", e)\n\n\npair((1, 2))\n",
    );
    has_all(&text, &["let (a, b) = t"]);
}

#[test]
fn unpacking_a_list_where_nothing_catches_is_an_array() {
    let text = listing("xs = [1, 2]\na, b = xs\nprint(a + b)\n");
    has_all(&text, &["let [a, b]: [i64; 2] = xs"]);
}

#[test]
fn an_empty_message_is_an_argument() {
    let text = listing(
        "try:\n    raise ValueError(\"\")\nexcept ValueError as e:\n    print(repr(e), e.args)\n",
    );
    has_all(
        &text,
        &[
            "Error::ValueError(message) => format!(\"ValueError({})\", py_repr(message)),",
            "Error::ValueError(message) => format!(\"({},)\", py_repr(message)),",
        ],
    );
    assert!(!text.contains("\"ValueError()\""), "{text}");
}

#[test]
fn a_class_raised_without_an_argument_keeps_its_empty_repr() {
    let text = listing(
        "try:\n    raise ValueError\nexcept ValueError as e:\n    print(repr(e), e.args)\n",
    );
    has_all(
        &text,
        &[
            "Error::ValueError(message) if message.is_empty() => \"ValueError()\".to_string(),",
            "Error::ValueError(message) if message.is_empty() => \"()\".to_string(),",
        ],
    );
}

#[test]
fn an_empty_message_beside_no_argument_is_refused() {
    let (construct, reason, at) = refused(
        "def check(x):\n    if x < 0:\n        raise ValueError(\"\")\n    raise ValueError\n\n\ntry:\n    check(-1)\nexcept ValueError as e:\n    print(repr(e))\n",
    );
    assert_eq!(construct, "`ValueError` raised with an empty message");
    assert!(reason.contains("`ValueError('')`"), "{reason}");
    assert_eq!(at, "raise ValueError(\"\")");
}
