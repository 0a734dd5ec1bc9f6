//! Primitives made with a count Python refuses: the `ValueError` raised
//! where the primitive would be made.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of, refused};

fn caught(made: &str) -> String {
    main_of(&format!(
        "    try:\n        {made}\n    except ValueError as e:\n        print(e)\n"
    ))
}

#[test]
fn a_semaphore_of_a_negative_value_raises_its_value_error() {
    let text = listing(&caught("asyncio.Semaphore(-1)"));
    has_all(
        &text,
        &[
            "        Err(Error::ValueError(\n            \"Semaphore initial value must be >= 0\".to_string(),\n        ))\n",
            "                let e = err.to_string();\n                println!(\"{e}\");\n",
        ],
    );
}

#[test]
fn a_barrier_of_no_parties_raises_its_value_error() {
    let text = listing(&caught("asyncio.Barrier(parties=0)"));
    has_all(
        &text,
        &["async { Err(Error::ValueError(\"parties must be > 0\".to_string())) }.await;"],
    );
}

/// A count that Python takes, or one not written as a literal, makes a
/// primitive the statement does not keep.
#[test]
fn a_primitive_of_an_accepted_or_unknown_count_made_as_a_statement_is_refused() {
    for made in ["asyncio.Semaphore(0)", "asyncio.Barrier(n)"] {
        let source = main_of(&format!(
            "    n = -1\n    try:\n        {made}\n    except ValueError as e:\n        print(e)\n"
        ));
        let (construct, _, at) = refused(&source);
        assert_eq!(
            construct, "an `except` of classes that no `raise` of the program gives",
            "{made}"
        );
        assert!(at.starts_with("try:"), "{made}: {at}");
    }
}
