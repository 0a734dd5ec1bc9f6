//! `and` / `or` in the Rust listing: Python returns one of the operands,
//! so a kept value is that operand (of its own type), a test is `&&` /
//! `||` of the operands' truth, and operands of two types are refused at
//! their place. (`tests/rust_listings.rs` builds and runs the corpus
//! program `values__and_or_operands.py`.)

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{HEADER, RUN, has_all, main_of};

/// What the Rust pane shows for `source`: its listing, or its refusal.
fn shown(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

/// A program with a coroutine `lookup` that returns a string or `None`.
fn lookup_program(body: &str) -> String {
    format!(
        "{HEADER}async def lookup(key):\n    await asyncio.sleep(0.1)\n    if key == \"a\":\n        \
return \"Ada\"\n    return None\n\n\nasync def main():\n{body}{RUN}"
    )
}

#[test]
fn literal_operands_print_the_operand_python_returns() {
    let text = shown(&main_of(
        "    print(1 and 2, 0 and 2, \"\" or \"default\", 3 and 0 and 5)\n",
    ));
    assert!(!text.contains("True"), "{text}");
    has_all(&text, &["println!(\"{} {} default {}\", 2, 0, 0);"]);
}

#[test]
fn or_of_two_numbers_kept_is_the_left_one_when_it_is_true() {
    let text = shown(&main_of(
        "    retries = 0\n    limit = retries or 3\n    print(limit)\n",
    ));
    has_all(
        &text,
        &[
            "let limit = if retries != 0 { retries } else { 3 };",
            "println!(\"{limit}\");",
        ],
    );
}

#[test]
fn and_of_two_strings_kept_is_the_right_one_when_the_left_is_true() {
    let text = shown(&main_of(
        "    first = \"\"\n    both = first and \"second\"\n    print(repr(both))\n",
    ));
    has_all(
        &text,
        &[
            "if !first.is_empty() {",
            "\"second\".to_string()",
            "first.clone()",
        ],
    );
}

#[test]
fn or_default_of_a_value_that_may_be_none_filters_its_truth() {
    let text = shown(&lookup_program(
        "    city = await lookup(\"c\") or \"unknown\"\n    print(city)\n",
    ));
    has_all(
        &text,
        &[
            "let city = lookup(\"c\")\n        .await\n        .filter(|v| !v.is_empty())\n        \
             .unwrap_or_else(|| \"unknown\".to_string());",
        ],
    );
}

#[test]
fn or_default_of_an_optional_number_keeps_a_zero_out() {
    let text = shown(&format!(
        "{HEADER}async def stock(n):\n    await asyncio.sleep(0.1)\n    if n > 1:\n        \
return n - 2\n    return None\n\n\nasync def main():\n    count = await stock(2) or 1\n    \
print(count)\n{RUN}"
    ));
    has_all(
        &text,
        &["let count = stock(2).await.filter(|&v| v != 0).unwrap_or(1);"],
    );
}

#[test]
fn and_or_in_a_test_are_the_operands_truths() {
    let text = shown(&lookup_program(
        "    name = await lookup(\"a\")\n    n = 2\n    if name and n:\n        print(name)\n    \
while n and not name:\n        n -= 1\n    print(not (n or name))\n",
    ));
    has_all(
        &text,
        &[
            "if name.as_ref().is_some_and(|v| !v.is_empty()) && n != 0 {",
            "!(n != 0 || name.as_ref().is_some_and(|v| !v.is_empty()))",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn two_booleans_kept_are_joined_as_rust_joins_them() {
    let text = shown(&main_of(
        "    n = 3\n    ok = n > 1 and n < 5\n    print(ok)\n",
    ));
    has_all(&text, &["let ok = n > 1 && n < 5;"]);
}

/// The first construct the listing refuses in `source`, at its place.
fn first_refusal(source: &str) -> String {
    let text = shown(source);
    assert!(
        text.starts_with("// The translator cannot translate"),
        "{text}"
    );
    text.lines().nth(1).unwrap_or_default().to_string()
}

#[test]
fn operands_of_two_types_kept_are_refused_at_their_place() {
    let line = first_refusal(&main_of("    x = 0\n    print(x or \"none\")\n"));
    assert_eq!(line, "// x.py:6:11: an `or` of a number and a string");
    let line = first_refusal(&main_of(
        "    n = 3\n    flag = n > 1 and n\n    print(flag)\n",
    ));
    assert_eq!(line, "// x.py:6:12: an `and` of a boolean and a number");
}

#[test]
fn a_computed_left_operand_kept_is_refused() {
    let line = first_refusal(&main_of(
        "    xs = [0, 2]\n    n = len(xs) - 2 or 5\n    print(n)\n",
    ));
    assert_eq!(line, "// x.py:6:9: an `or` whose left operand is computed");
}

#[test]
fn and_of_a_value_that_may_be_none_and_another_type_kept_is_refused() {
    let line = first_refusal(&lookup_program(
        "    name = await lookup(\"a\")\n    print(name and len(name))\n",
    ));
    assert!(
        line.ends_with("an `and` of a value that may be `None`"),
        "{line}"
    );
}

#[test]
fn operands_of_one_kind_and_two_item_types_say_so() {
    let line = first_refusal(&main_of(
        "    xs = [1]\n    ys = [\"a\"]\n    print(xs or ys)\n",
    ));
    assert_eq!(
        line,
        "// x.py:7:11: an `or` of a list and a list of another type"
    );
}
