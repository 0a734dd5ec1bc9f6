//! The Rust listing of a name the module never binds, read by `return`
//! or as a statement: the `raise` of Python's `NameError` with its
//! message (the corpus program `exceptions__undefined_name` is built and
//! run by `tests/rust_listings.rs`); and what stays refused.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, main_of, refusal};

#[test]
fn a_returned_undefined_name_is_a_name_error() {
    let text = listing(&format!(
        "{HEADER}def setting():\n    return missing_setting\n\n\nasync def main():\n    try:\n        setting()\n    except NameError as e:\n        print(\"NameError:\", e)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn setting() -> Result<(), Error> {\n    Err(Error::NameError(\n        \"name 'missing_setting' is not defined\".to_string(),\n",
            "setting()?;",
            "err @ Error::NameError(_) => {",
        ],
    );
}

#[test]
fn an_undefined_name_as_a_statement_is_a_name_error() {
    let text = listing(&main_of(
        "    try:\n        not_there\n    except Exception as e:\n        print(type(e).__name__, e)\n",
    ));
    has_all(&text, &["\"name 'not_there' is not defined\".to_string()"]);
}

/// A name written again elsewhere may be bound there; a built-in name is
/// defined: neither is a `NameError`, and the read stays refused.
#[test]
fn a_name_bound_elsewhere_or_built_in_is_no_name_error() {
    let bound = format!(
        "{HEADER}def setting():\n    return level\n\n\nasync def main():\n    try:\n        setting()\n    except NameError as e:\n        print(e)\n\n\nlevel = [1]\n{RUN}"
    );
    assert_eq!(refusal(&bound), "the global name `level`");
    let builtin =
        main_of("    try:\n        print\n    except NameError as e:\n        print(e)\n");
    assert!(!listing_or_refusal(&builtin).contains("is not defined"));
}

/// The listing, or the refusal's construct.
fn listing_or_refusal(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    match asynclings::render::rust::translate(&program) {
        Ok(demo) => asynclings::render::rust::render(&demo).text(),
        Err(e) => e.construct,
    }
}
