//! The Rust listing of `del name` of a local variable at the top level of
//! its function: nothing (Rust frees a value where its variable goes out
//! of scope), and a later read of the name the `raise` of its
//! `UnboundLocalError`, which `except NameError` takes (the corpus program
//! `statements__del_pass_assert` is built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refusal};

#[test]
fn a_read_after_del_raises_unbound_local_error() {
    let text = listing(&main_of(
        "    value = 10\n    del value\n    try:\n        print(\"value\", value)\n    except NameError as e:\n        \
print(type(e).__name__, e)\n",
    ));
    has_all(
        &text,
        &[
            "let _value = 10;",
            "Err(Error::UnboundLocalError(",
            "\"cannot access local variable 'value' where it is not associated with a value\"",
            "err @ Error::UnboundLocalError(_) => {",
        ],
    );
}

#[test]
fn a_del_inside_a_block_or_another_use_after_it_is_refused() {
    assert_eq!(
        refusal(&main_of(
            "    value = 10\n    if value > 5:\n        del value\n    print(\"done\")\n"
        )),
        "`del`"
    );
    assert_eq!(
        refusal(&main_of(
            "    value = 10\n    del value\n    value = 3\n    print(value)\n"
        )),
        "a use of a variable after its `del`"
    );
    assert_eq!(
        refusal(&main_of(
            "    value = 10\n    del value\n    print(value + 1)\n"
        )),
        "a use of a variable after its `del`"
    );
}
