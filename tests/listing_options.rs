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
            "println!(\"{}\", py_options(&found));",
            "fn py_options<T: Repr>(items: &[Option<T>]) -> String {",
            "        .map(|item| item.as_ref().map_or_else(|| \"None\".to_string(), Repr::repr))",
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

#[test]
fn is_none_truth_and_printing_of_an_optional_result() {
    let text = listing(&format!(
        "{HEADER}async def find(key):\n    await asyncio.sleep(0.1)\n    if key > 1:\n        \
return key * 10\n    return None\n\n\nasync def name(key):\n    if key:\n        \
return \"x\"\n    return None\n\n\nasync def main():\n    r = await find(1)\n    \
if r is None:\n        print(\"none\")\n    s = await find(2)\n    if s is not None and s:\n        \
print(r, s)\n    n = await name(1)\n    print(f\"{{n}}\")\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "if r.is_none() {",
            "if s.is_some() && s.is_some_and(|v| v != 0) {",
            "r.map_or_else(|| \"None\".into(), |v| v.to_string())",
            "n.as_deref().unwrap_or(\"None\")",
        ],
    );
}
