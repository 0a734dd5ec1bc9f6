//! The Rust listing of `type(x).__name__` of a variable: an object's
//! `class_name()`, a method its struct is given, or the name of the
//! built-in class a value's Rust type stands for; refused where the type
//! does not decide it or the variable is read nowhere else.

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, main_of, refusal};

#[test]
fn the_type_name_of_an_object_is_its_class_name() {
    let text = listing(&format!(
        "{HEADER}class Placeholder:\n    pass\n\n\nasync def main():\n    p = Placeholder()\n    \
print(type(p).__name__)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "let p = Placeholder::new();",
            "println!(\"{}\", p.class_name());",
            "impl Placeholder {\n    /// What Python's `type(x).__name__` gives.\n    fn class_name(&self) -> &'static str {\n        \"Placeholder\"\n    }\n}",
        ],
    );
}

#[test]
fn the_type_name_of_a_built_in_value_is_its_class() {
    let text = listing(&main_of(
        "    items = [1, 2]\n    print(type(items).__name__, len(items))\n",
    ));
    has_all(&text, &["\"list\""]);
    assert!(!text.contains("class_name"), "{text}");
}

#[test]
fn a_type_name_of_a_variable_read_nowhere_else_or_of_several_types_is_refused() {
    assert_eq!(
        refusal(&main_of("    n = 5\n    print(type(n).__name__)\n")),
        "this `type(x).__name__`"
    );
    assert_eq!(
        refusal(&main_of(
            "    d = {\"a\": 1, \"b\": \"x\"}\n    v = d[\"a\"]\n    print(type(v).__name__, v)\n"
        )),
        "this `type(x).__name__`"
    );
}
