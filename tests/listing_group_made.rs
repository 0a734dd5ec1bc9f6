//! The Rust listing of an exception group built by hand and raised:
//! `raise ExceptionGroup("message", [...])` is an `Err` of
//! `Error::ExceptionGroup`, split by `except*` as a task group's is (the
//! corpus program `groups__raised_by_hand` is built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

/// A program whose `main` raises `group` in a `try` whose handlers are
/// `handlers` (indented for `main`).
fn raising(group: &str, handlers: &str) -> String {
    main_of(&format!(
        "    await asyncio.sleep(1)\n    try:\n        raise {group}\n{handlers}"
    ))
}

const CAUGHT: &str = "    except ExceptionGroup as eg:\n        print(repr(eg))\n";

#[test]
fn a_group_made_by_hand_is_an_err_of_its_exceptions() {
    let text = listing(&raising(
        "ExceptionGroup(\"g\", [ValueError(\"v\"), KeyError(\"k\")])",
        CAUGHT,
    ));
    has_all(
        &text,
        &[
            "    ExceptionGroup(&'static str, Vec<Error>),",
            "    ValueError(String),",
            "    KeyError(String),",
            "let caught: Result<(), Error> = async {\n        Err(Error::ExceptionGroup(\n            \"g\",\n            vec![\n                Error::ValueError(\"v\".to_string()),\n                Error::KeyError(\"'k'\".to_string()),\n            ],\n        ))\n    }",
            "err @ Error::ExceptionGroup(_, _) => {",
        ],
    );
}

/// A group whose list fits keeps it on one line; a nested one too wide
/// for its line is broken as rustfmt breaks it.
#[test]
fn a_group_is_laid_out_as_rustfmt_lays_it_out() {
    let short = listing(&raising(
        "ExceptionGroup(\"g\", [ValueError(\"v\")])",
        CAUGHT,
    ));
    has_all(
        &short,
        &[
            "Err(Error::ExceptionGroup(\n            \"g\",\n            vec![Error::ValueError(\"v\".to_string())],\n        ))",
        ],
    );
    let nested = listing(&raising(
        "ExceptionGroup(\"outer\", [ExceptionGroup(\"inner\", [TypeError(\"a rather long message for a type error\")])])",
        CAUGHT,
    ));
    has_all(
        &nested,
        &[
            "Err(Error::ExceptionGroup(\n            \"outer\",\n            vec![Error::ExceptionGroup(\n                \"inner\",\n                vec![Error::TypeError(\n                    \"a rather long message for a type error\".to_string(),\n                )],\n            )],\n        ))",
        ],
    );
}

/// `except*` splits a group raised by hand as it splits a task group's.
#[test]
fn except_star_splits_a_group_made_by_hand() {
    let text = listing(&raising(
        "ExceptionGroup(\"g\", [ValueError(\"v\"), TypeError(\"t\")])",
        "    except* ValueError as eg:\n        print(repr(eg))\n    except* TypeError:\n        print(\"types\")\n",
    ));
    has_all(
        &text,
        &[
            "Error::ExceptionGroup(message, errors) => (message, errors),",
            "let (taken, left) = Error::split(left, |err| matches!(err, Error::ValueError(_)));",
            "println!(\"types\");",
        ],
    );
}

/// What Python refuses when it makes the group, or what the listing's
/// `Error` cannot hold, is refused at its place.
#[test]
fn groups_the_listing_cannot_make_are_refused_at_their_place() {
    let cases = [
        (
            "ExceptionGroup(\"g\", [])",
            "an exception group of no exceptions",
            "ExceptionGroup(\"g\", [])",
        ),
        (
            "ExceptionGroup(\"g\", [ValueError(1)])",
            "this exception of a group",
            "ValueError(1)",
        ),
        (
            "ExceptionGroup(\"g\", [KeyboardInterrupt(\"k\")])",
            "this exception of a group",
            "KeyboardInterrupt(\"k\")",
        ),
        (
            "ExceptionGroup(\"g\", [ValueError()])",
            "this exception of a group",
            "ValueError()",
        ),
        (
            "ExceptionGroup(f\"g{1}\", [ValueError(\"v\")])",
            "the message of an exception group",
            "f\"g{1}\"",
        ),
        (
            "ExceptionGroup(\"g\", (ValueError(\"v\"),))",
            "the exceptions of an exception group",
            "(ValueError(\"v\"),)",
        ),
    ];
    for (group, construct, place) in cases {
        let src = main_of(&format!("    await asyncio.sleep(1)\n    raise {group}\n"));
        let (got, reason, at) = refused(&src);
        assert_eq!(got, construct, "{group}: {reason}");
        assert_eq!(at, place, "{group}");
    }
}

/// A group that a handler raises as the `except*` clause's own exception
/// is still no group of the block: a plain `raise` under `except*` stays
/// refused.
#[test]
fn except_star_of_a_plain_raise_stays_refused() {
    let src = main_of(
        "    try:\n        raise ValueError(\"v\")\n    except* ValueError:\n        print(\"v\")\n",
    );
    let (construct, _, _) = refused(&src);
    assert_eq!(
        construct,
        "an `except*` of a block that raises outside a task group"
    );
}

/// Python raises `TypeError` when an exception reaches `except*
/// ExceptionGroup`: the clause is refused, not translated as a split.
#[test]
fn except_star_of_the_group_class_is_refused() {
    let (construct, reason, at) = refused(&raising(
        "ExceptionGroup(\"g\", [ValueError(\"v\")])",
        "    except* ExceptionGroup:\n        print(\"never\")\n",
    ));
    assert_eq!(construct, "`except* ExceptionGroup`");
    assert!(reason.contains("`TypeError`"), "{reason}");
    assert_eq!(at, "ExceptionGroup");
}
