//! The Rust listing of `abs(x)` where Python has no absolute value of `x`:
//! an object of a class of the program without `__abs__`, a string or
//! `None` literal. It is the `TypeError` with CPython's message, raised
//! where the call is; the empty class nothing else makes is left out (the
//! corpus program `builtins__abs_dunder` is built and run by
//! `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing};

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

/// A class with a base may take `__abs__` from it: no `TypeError` is
/// claimed, and the call stays refused as a statement whose value is lost.
#[test]
fn abs_of_an_object_of_a_derived_class_is_not_claimed() {
    let source = format!(
        "{HEADER}class B:\n    pass\n\n\nclass N(B):\n    pass\n\n\nasync def main():\n    try:\n        abs(N())\n    except TypeError as e:\n        print(e)\n{RUN}"
    );
    let program = asynclings::python::load("x.py", &source).expect("loads");
    let text = asynclings::render::rust::render_program(&program).text();
    assert!(
        text.starts_with("// The translator cannot translate"),
        "{text}"
    );
    assert!(!text.contains("bad operand type"), "{text}");
}
