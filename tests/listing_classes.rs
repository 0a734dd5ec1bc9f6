//! The Rust listing of classes beyond the plain struct: a class body's
//! calls, enums, inheritance and exception fields: what the listing says
//! for each (the corpus programs `classes__class_body_call` and
//! `logging__error_stack_plain` are built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A call in a class body runs where the class statement runs; a class
/// only read through its attributes needs no struct.
#[test]
fn a_class_body_call_runs_where_the_class_is_defined() {
    let src = format!(
        "{HEADER}print(\"before\")\n\n\nclass Limits:\n    print(\"defining\", 2 * 3)\n    retries = 3\n\n\nasync def main():\n    print(Limits.retries)\n\n\nprint(\"after\"){RUN}"
    );
    let text = listing(&src);
    has_all(
        &text,
        &[
            "    println!(\"before\");\n    println!(\"defining {}\", 2 * 3);\n    println!(\"after\");",
            "println!(\"{}\", 3);",
        ],
    );
    assert!(!text.contains("struct Limits"), "{text}");
}

/// A class made as an object keeps its struct, even without methods.
#[test]
fn a_class_made_as_an_object_keeps_its_struct() {
    let src = format!(
        "{HEADER}class Marker:\n    print(\"defining\")\n\n\nasync def main():\n    m = Marker()\n    print(\"made\")\n{RUN}"
    );
    has_all(&listing(&src), &["struct Marker;", "Marker::new()"]);
}

/// A class body's call that reads a name of the class is refused at
/// the call: outside the class, the name means something else.
#[test]
fn a_class_body_call_reading_the_class_names_is_refused() {
    let src = format!(
        "{HEADER}class Limits:\n    retries = 3\n    print(retries)\n\n\nasync def main():\n    print(Limits.retries)\n{RUN}"
    );
    let (construct, reason, at) = refused(&src);
    assert_eq!(construct, "a class-level statement");
    assert!(reason.contains("reads only the module's names"), "{reason}");
    assert_eq!(at, "print(retries)");
}
