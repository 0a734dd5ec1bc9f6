//! The Rust listing of a coroutine that returns a value on one path and
//! `None` on another: its result is an `Option`, and a list of such results
//! prints `None` where Python does. (`tests/rust_listings.rs` builds and
//! runs the corpus programs that use it.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

#[test]
fn a_coroutine_returning_none_or_a_value_returns_an_option() {
    let text = listing(&format!(
        "{HEADER}async def find(key):\n    await asyncio.sleep(0.1)\n    if key > 1:\n        \
return f\"item {{key}}\"\n    return None\n\n\nasync def main():\n    \
found = await asyncio.gather(find(1), find(2))\n    print(found)\n{RUN}"
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(
        &text,
        &[
            "async fn find(key: i64) -> Option<String> {",
            "return Some(format!(\"item {key}\"));",
            "\n    None\n}",
            "println!(\"{}\", found.repr());",
            "impl<T: Repr> Repr for Option<T> {",
            "None => \"None\".to_string(),",
        ],
    );
}

#[test]
fn a_bare_return_beside_a_value_is_none_and_a_local_moves_out() {
    let text = listing(&format!(
        "{HEADER}async def pick(names):\n    for name in names:\n        if name.startswith(\"b\"):\n            \
return name\n        await asyncio.sleep(0.1)\n    return\n\n\nasync def main():\n    \
print([await pick([\"a\", \"bo\"]), await pick([\"c\"])])\n{RUN}"
    ));
    assert!(!text.contains("cannot translate"), "{text}");
    has_all(&text, &["-> Option<", "return Some(", "\n    None\n}"]);
}
