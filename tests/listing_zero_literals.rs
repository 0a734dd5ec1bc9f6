//! The Rust listing of a number literal divided by a literal zero, as a
//! statement or a returned value: the `raise` of Python's
//! `ZeroDivisionError` with CPython's message for the operator and the
//! operands' types (the corpus program `exceptions__zero_literal` is
//! built and run by `tests/rust_listings.rs`); a statement after one that
//! always raises is refused.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, main_of, refused};

/// A `main` that runs `stmt` under an `except ZeroDivisionError as e`.
fn caught(stmt: &str) -> String {
    main_of(&format!(
        "    try:\n        {stmt}\n    except ZeroDivisionError as e:\n        print(e)\n"
    ))
}

/// The `Err` the listing returns for `stmt`.
fn raised(stmt: &str) -> String {
    let text = listing(&caught(stmt));
    let from = text.find("Err(Error::ZeroDivisionError(").expect(&text);
    let rest = &text[from..];
    rest[..rest.find(".to_string()").expect(rest)]
        .split('"')
        .nth(1)
        .expect(rest)
        .to_string()
}

#[test]
fn each_operator_by_a_literal_zero_has_python_s_message() {
    for (stmt, message) in [
        ("1 / 0", "division by zero"),
        ("1.0 / 0", "float division by zero"),
        ("1 / -0.0", "float division by zero"),
        ("7 // 0", "integer division or modulo by zero"),
        ("1.5 // 0", "float floor division by zero"),
        ("-1 % 0", "integer modulo by zero"),
        ("1 % 0.0", "float modulo"),
        ("divmod(3, 0)", "integer division or modulo by zero"),
        ("divmod(3, 0.0)", "float divmod()"),
    ] {
        assert_eq!(raised(stmt), message, "{stmt}");
    }
}

#[test]
fn a_returned_division_by_zero_is_the_function_s_err() {
    let text = listing(&format!(
        "{HEADER}def ratio():\n    return 1 / 0\n\n\nasync def main():\n    try:\n        print(ratio())\n    except ZeroDivisionError as e:\n        print(\"ratio:\", e)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "fn ratio() -> Result<(), Error> {\n    Err(Error::ZeroDivisionError(\"division by zero\".to_string()))\n}",
            "ratio()?",
            "println!(\"ratio: {e}\");",
        ],
    );
}

/// A variable divisor keeps the checked division.
#[test]
fn a_variable_divisor_is_no_raise() {
    let text = listing(&main_of(
        "    d = 0\n    try:\n        print(1 / d)\n    except ZeroDivisionError as e:\n        print(e)\n",
    ));
    has_all(
        &text,
        &["1.0 / py_nonzero(d, \"division by zero\")? as f64"],
    );
}

#[test]
fn a_statement_after_one_that_always_raises_is_refused() {
    let (construct, reason, at) = refused(&caught("1 / 0\n        print(\"never\")"));
    assert_eq!(construct, "a statement after one that always raises");
    assert!(reason.contains("unreachable"), "{reason}");
    assert_eq!(at, "print(\"never\")");
    let (construct, _, at) = refused(&main_of(
        "    try:\n        raise ValueError(\"x\")\n        print(\"never\")\n    except ValueError:\n        print(\"caught\")\n",
    ));
    assert_eq!(construct, "a statement after one that always raises");
    assert_eq!(at, "print(\"never\")");
}
