//! The Rust listing of an exception's cause: `raise ConfigError(...) from
//! e` in the handler of `e`, read as `e.__cause__` where the `ConfigError`
//! is caught (the corpus program `exceptions__reraise` is built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{RUN, has_all, listing, refused};

/// A program whose `parse` raises `ConfigError` from the `ValueError` it
/// catches, and whose `main` runs `body`.
fn program(raise: &str, body: &str) -> String {
    format!(
        "import asyncio


class ConfigError(Exception):
    pass


async def parse(text):
    await asyncio.sleep(1)
    try:
        port = int(text)
    except ValueError as e:
        {raise}
    return port


async def main():
{body}{RUN}"
    )
}

const FROM: &str = "raise ConfigError(\"bad port\") from e";
const CAUGHT: &str = "    try:\n        await parse(\"x\")\n    except ConfigError as e:\n        print(\"cause:\", type(e.__cause__).__name__, e.__cause__)\n";

/// The variant holds its cause, the handler raising it moves the caught
/// `Err` there, and the handler reading it borrows it.
#[test]
fn the_variant_holds_the_exception_it_was_raised_from() {
    has_all(
        &listing(&program(FROM, CAUGHT)),
        &[
            "enum Error {\n    ConfigError(String, Box<Error>),\n    ValueError(String),\n}",
            "Error::ConfigError(message, _) => write!(f, \"{message}\"),",
            "Error::ConfigError(_, _) => \"ConfigError\",",
            "err @ Error::ValueError(_) => {\n                return Err(Error::ConfigError(\"bad port\".to_string(), Box::new(err)));",
            "Error::ConfigError(_, e_cause) => {\n                let e_cause_class = e_cause.class_name();\n                println!(\"cause: {e_cause_class} {e_cause}\");",
        ],
    );
}

/// A `raise` of the class without `from` would leave no cause to read.
#[test]
fn a_cause_that_a_raise_without_from_leaves_out_is_refused() {
    let src = program("raise ConfigError(\"bad port\")", CAUGHT);
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "the attribute `__cause__` of a caught exception");
    assert_eq!(at, "e.__cause__");
}

/// The cause must be the exception the handler caught.
#[test]
fn a_cause_other_than_the_caught_exception_is_refused() {
    let src = program(
        "raise ConfigError(\"bad port\") from ValueError(\"x\")",
        CAUGHT,
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "`raise ConfigError(...) from` this");
    assert!(at.starts_with("raise ConfigError"), "{at}");
}

/// The cause is shown by `print`, not used otherwise.
#[test]
fn a_cause_used_otherwise_than_shown_is_refused() {
    let body = "    try:\n        await parse(\"x\")\n    except ConfigError as e:\n        print(repr(e.__cause__))\n";
    let (construct, reason, at) = refused(&program(FROM, body));
    assert_eq!(construct, "the attribute `__cause__` of a caught exception");
    assert!(reason.contains("as `print` writes it"), "{reason}");
    assert_eq!(at, "e.__cause__");
}

/// A built-in class's `Err` is also made by Python's own operations,
/// which give no cause.
#[test]
fn the_cause_of_a_built_in_class_is_refused() {
    let src = program(
        "raise RuntimeError(\"bad port\") from e",
        "    try:\n        await parse(\"x\")\n    except RuntimeError as e:\n        print(e.__cause__)\n",
    );
    let (construct, _, at) = refused(&src);
    assert_eq!(construct, "the attribute `__cause__` of a caught exception");
    assert_eq!(at, "e.__cause__");
}
