//! The Rust listing of an exception of a built-in class made in place
//! with literal arguments: `isinstance` of it against built-in exception
//! classes is the `true` or `false` Python's hierarchy gives, its `str`
//! and `repr` the text Python gives (the corpus program
//! `exceptions__made_in_place` is built and run by
//! `tests/rust_listings.rs`); and what stays refused.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refusal};

#[test]
fn the_hierarchy_decides_isinstance_of_a_built_in_exception() {
    let text = listing(&main_of(
        "    a = isinstance(KeyError(\"k\"), LookupError)\n    b = isinstance(asyncio.CancelledError(), Exception)\n    c = isinstance(ZeroDivisionError(), (ValueError, ArithmeticError))\n    d = isinstance(RecursionError(), RuntimeError)\n    e = isinstance(asyncio.TimeoutError(), OSError)\n    f = isinstance(StopIteration(), Exception)\n    g = isinstance(ValueError(1, 2), TypeError)\n    print(a, b, c, d, e, f, g)\n",
    ));
    has_all(
        &text,
        &[
            "let a = true;",
            "let b = false;",
            "let c = true;",
            "let d = true;",
            "let e = true;",
            "let f = true;",
            "let g = false;",
        ],
    );
}

#[test]
fn base_exception_takes_a_cancellation() {
    let text = listing(&main_of(
        "    print(isinstance(asyncio.CancelledError(), BaseException))\n",
    ));
    has_all(&text, &["println!(\"True\");"]);
}

/// An argument that is not a literal is no such test: the call stays
/// refused (the program's own classes are in `listing_own_made_exceptions`).
#[test]
fn a_made_exception_of_a_variable_is_refused() {
    assert_eq!(
        refusal(&main_of(
            "    k = \"k\"\n    print(isinstance(KeyError(k), LookupError))\n"
        )),
        "the call `isinstance(KeyError(k), LookupError)`"
    );
}

#[test]
fn str_and_repr_of_a_made_exception_are_python_s_text() {
    let text = listing(&main_of(
        "    a = str(KeyError(\"k\"))\n    b = repr(KeyError(\"k\"))\n    c = str(ValueError())\n    d = repr(ValueError(1, 2.5, None))\n    e = str(ValueError(1, \"a\"))\n    f = repr(RuntimeError(\"it's\"))\n    g = str(KeyError(1))\n    print(a, b, c, d, e, f, g)\n",
    ));
    has_all(
        &text,
        &[
            "let a = \"'k'\".to_string();",
            "let b = \"KeyError('k')\".to_string();",
            "let c = String::new();",
            "let d = \"ValueError(1, 2.5, None)\".to_string();",
            "let e = \"(1, 'a')\".to_string();",
            "let f = \"RuntimeError(\\\"it's\\\")\".to_string();",
            "let g = \"1\".to_string();",
        ],
    );
}

/// `str` of a made exception whose argument is not a literal stays
/// refused: the exception is a value the listing only raises, passes or
/// keeps.
#[test]
fn str_of_an_exception_made_of_a_variable_is_refused() {
    assert_eq!(
        refusal(&main_of("    k = \"k\"\n    print(str(KeyError(k)))\n")),
        "an exception made as a value, used here"
    );
}
