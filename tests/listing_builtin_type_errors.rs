//! The Rust listing of the built-in calls Python always refuses: `abs(x)`
//! of an object of a class of the program without `__abs__`, of a string or
//! `None` literal; `hash` of a list, dict or set literal; `len` of a
//! number. It is the `TypeError` with CPython's message, raised
//! where the call is; the empty class nothing else makes is left out (the
//! corpus program `builtins__abs_dunder` is built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, main_of};

#[test]
fn abs_of_an_object_without_abs_is_a_type_error() {
    let text = listing(&format!(
        "{HEADER}class N:\n    pass\n\n\nasync def main():\n    try:\n        abs(N())\n    except TypeError as e:\n        print(e)\n    try:\n        abs(\"x\")\n    except TypeError as e:\n        print(e)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "\"bad operand type for abs(): 'N'\".to_string(),",
            "\"bad operand type for abs(): 'str'\".to_string(),",
            "err @ Error::TypeError(_) => {",
        ],
    );
    assert!(!text.contains("struct N"), "{text}");
}

#[test]
fn abs_of_an_object_with_abs_calls_it() {
    let text = listing(&format!(
        "{HEADER}class V:\n    def __init__(self, x):\n        self.x = x\n\n    def __abs__(self):\n        return abs(self.x)\n\n\nasync def main():\n    print(abs(V(-2)))\n{RUN}"
    ));
    has_all(&text, &["V::new(-2).abs()"]);
    assert!(!text.contains("TypeError"), "{text}");
}

/// A class whose base is taken in has the base's `__abs__`, or none: the
/// `TypeError` is Python's own where neither class defines it.
#[test]
fn abs_of_an_object_of_a_derived_class_takes_the_bases() {
    let source = format!(
        "{HEADER}class B:\n    pass\n\n\nclass N(B):\n    pass\n\n\nasync def main():\n    try:\n        abs(N())\n    except TypeError as e:\n        print(e)\n{RUN}"
    );
    has_all(
        &listing(&source),
        &["\"bad operand type for abs(): 'N'\".to_string()"],
    );
    let source = format!(
        "{HEADER}class B:\n    def __init__(self, v):\n        self.v = v\n\n    def __abs__(self):\n        return self.v * 2\n\n\nclass N(B):\n    pass\n\n\nasync def main():\n    print(abs(N(-3)))\n{RUN}"
    );
    has_all(&listing(&source), &["N::new(-3).abs()"]);
}

#[test]
fn hash_of_a_literal_list_dict_or_set_and_len_of_a_number_are_type_errors() {
    let text = listing(&main_of(
        "    try:\n        hash([1])\n    except TypeError as e:\n        print(e)\n    try:\n        hash({\"a\": 1})\n    except TypeError as e:\n        print(e)\n    try:\n        hash({1})\n    except TypeError as e:\n        print(e)\n    try:\n        len(5)\n    except TypeError as e:\n        print(e)\n",
    ));
    has_all(
        &text,
        &[
            "Err(Error::TypeError(\"unhashable type: 'list'\".to_string()))",
            "Err(Error::TypeError(\"unhashable type: 'dict'\".to_string()))",
            "Err(Error::TypeError(\"unhashable type: 'set'\".to_string()))",
            "\"object of type 'int' has no len()\".to_string(),",
        ],
    );
}

/// `print(f())` of a function giving `None` still calls it first: here
/// the call is what raises.
#[test]
fn a_printed_call_giving_none_runs_first() {
    let text = listing(&format!(
        "{HEADER}def size():\n    return len(None)\n\n\nasync def main():\n    try:\n        print(size())\n    except TypeError as e:\n        print(e)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn size() -> Result<(), Error> {",
            "\"object of type 'NoneType' has no len()\".to_string(),",
            "        size()?;\n        println!(\"None\");\n",
        ],
    );
}

/// A `try` whose last `if` raises in both branches has nothing after it:
/// no `Ok(())` Rust would warn is unreachable.
#[test]
fn a_try_ending_in_an_if_that_raises_both_ways_ends_there() {
    let text = listing(&main_of(
        "    for kind in [\"list\", \"dict\"]:\n        try:\n            if kind == \"list\":\n                hash([1])\n            else:\n                hash({\"a\": 1})\n        except TypeError as e:\n            print(e)\n",
    ));
    has_all(
        &text,
        &[
            "                return Err(Error::TypeError(\"unhashable type: 'dict'\".to_string()));\n            }\n        }\n        .await;",
        ],
    );
}
