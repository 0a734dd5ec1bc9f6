//! The Rust listing of `type(f).__name__` of a function, `type(x) is C`
//! of a value whose type the plan knows, and `print(tuple())`: each the
//! text or boolean Python gives, as is `isinstance` of a new object of an
//! empty class; and the refusal of their near cases.
//! (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/builtins__type_names.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

#[test]
fn a_function_of_the_module_is_a_function() {
    let text = listing(&format!(
        "{HEADER}def f(n):\n    return n\n\n\nasync def main():\n    print(type(main).__name__, type(f).__name__, f(1))\n{RUN}"
    ));
    has_all(&text, &["println!(\"function function {}\", f(1));"]);
}

#[test]
fn a_built_in_function_is_a_builtin_function_or_method() {
    let text = listing(&main_of(
        "    print(type(len).__name__, type(sorted).__name__)\n",
    ));
    has_all(
        &text,
        &["println!(\"builtin_function_or_method builtin_function_or_method\");"],
    );
}

#[test]
fn a_built_in_the_module_defines_again_is_its_function() {
    let text = listing(&format!(
        "{HEADER}def len(x):\n    return 0\n\n\nasync def main():\n    print(type(len).__name__, len(1))\n{RUN}"
    ));
    has_all(&text, &["\"function {}\""]);
}

#[test]
fn a_class_is_no_function() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}class Point:\n    pass\n\n\nasync def main():\n    print(type(Point).__name__)\n{RUN}"
    ));
    assert_eq!(at, "Point", "{construct}");
}

#[test]
fn type_is_a_class_is_known_where_the_type_is() {
    let text = listing(&main_of(
        "    print(type(1.0) is float, type(True) is int, type(2 / 1) is not float)\n",
    ));
    has_all(&text, &["println!(\"True False False\");"]);
}

#[test]
fn type_is_of_a_value_of_unknown_type_is_refused() {
    let (construct, _, at) = refused(&main_of("    x = [1]\n    print(type(x[0]) is int)\n"));
    assert_eq!(construct, "the comparison `is`");
    assert_eq!(at, "type(x[0]) is int");
}

#[test]
fn the_empty_tuple_call_printed_is_its_text() {
    let text = listing(&main_of("    print(tuple(), tuple([]), tuple(\"\"), 1)\n"));
    has_all(&text, &["println!(\"() () () {}\", 1);"]);
}

#[test]
fn the_empty_tuple_call_kept_is_refused() {
    let (construct, reason, at) = refused(&main_of("    t = tuple()\n    print(t)\n"));
    assert_eq!(construct, "the call `tuple()`");
    assert!(
        reason.contains("only `print(tuple())` is written"),
        "{reason}"
    );
    assert_eq!(at, "tuple()");
}

#[test]
fn isinstance_of_a_new_empty_object_leaves_it_unmade() {
    let text = listing(&format!(
        "{HEADER}class Marker:\n    pass\n\n\nasync def main():\n    print(isinstance(Marker(), Marker), isinstance(Marker(), int))\n{RUN}"
    ));
    has_all(&text, &["println!(\"True False\");"]);
    assert!(!text.contains("struct Marker"), "{text}");
}

#[test]
fn isinstance_of_a_new_object_whose_making_shows_is_refused() {
    let (construct, _, at) = refused(&format!(
        "{HEADER}class Loud:\n    def __init__(self):\n        print(\"made\")\n\n\nasync def main():\n    print(isinstance(Loud(), Loud))\n{RUN}"
    ));
    assert_eq!(construct, "`isinstance` of this expression");
    assert_eq!(at, "Loud()");
}
