//! The Rust listing of `assert`: an `if` whose block returns
//! `AssertionError` as an `Err`, its message made only there, so that an
//! `except AssertionError` takes it (the corpus program
//! `exceptions__assert_caught` is built and run by `tests/rust_listings.rs`).

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, has_all, listing, main_of};

#[test]
fn an_assert_with_a_message_returns_its_assertion_error() {
    let text = listing(&format!(
        "{HEADER}async def half(x):\n    await asyncio.sleep(0)\n    assert x >= 0, f\"negative input: {{x}}\"\n    \
return x // 2\n\n\nasync def main():\n    try:\n        print(await half(-4))\n    except AssertionError as e:\n        \
print(\"caught:\", e)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "    if !(x >= 0) {\n        return Err(Error::AssertionError(format!(\"negative input: {x}\")));\n    }",
            "err @ Error::AssertionError(_) => {",
        ],
    );
}

#[test]
fn an_equality_or_membership_assert_is_turned_over_and_a_bare_one_has_no_message() {
    let text = listing(&main_of(
        "    items = [1, 2]\n    try:\n        assert len(items) == 3\n    except AssertionError as e:\n        \
print(repr(e))\n    assert 5 not in items, \"five\"\n",
    ));
    has_all(
        &text,
        &[
            "if items.len() as i64 != 3 {",
            "return Err(Error::AssertionError(String::new()));",
            "if items.contains(&5) {",
            "Error::AssertionError(message) if message.is_empty() => \"AssertionError()\".to_string(),",
        ],
    );
}

/// A list of string literals holds `&str`s: `in` compares them
/// dereferenced, which builds.
#[test]
fn a_membership_assert_of_string_literals_compares_them_dereferenced() {
    let text = listing(&main_of(
        "    assert \"b\" not in [\"a\", \"c\"], \"never shown\"\n    print(\"done\")\n",
    ));
    has_all(
        &text,
        &["if vec![\"a\", \"c\"].iter().any(|item| *item == \"b\") {"],
    );
}
