//! The Rust listing of loops over nested lists and of comparisons of
//! lengths: forms that must parse and borrow as Rust does.

use asynclings::program::Program;
use asynclings::render::rust;

fn translated(source: &str) -> String {
    let program: Program = asynclings::python::load("x.py", source)
        .unwrap_or_else(|e| panic!("does not load: {e:?}\n{source}"));
    let text = rust::render_program(&program).text();
    assert!(!text.starts_with("// The translator cannot"), "{text}");
    text
}

/// The outer loop's item is already a reference: the inner loop walks it
/// as it is (`&group` would be a `&&Vec`, which is not iterable).
#[test]
fn an_inner_loop_over_the_outer_item_borrows_it_once() {
    let text = translated(
        "import asyncio\n\n\nasync def main():\n    groups = [[\"a\", \"b\"], [\"c\"]]\n    for group in groups:\n        for name in group:\n            print(name)\n\n\nasyncio.run(main())\n",
    );
    assert!(text.contains("for group in &groups {"), "{text}");
    assert!(text.contains("for name in group {"), "{text}");
}

/// A later loop over a list of the same name as an earlier loop's item
/// borrows it again.
#[test]
fn a_list_named_as_an_ended_loop_item_is_borrowed() {
    let text = translated(
        "import asyncio\n\n\nasync def main():\n    groups = [[\"a\"], [\"c\"]]\n    for group in groups:\n        for name in group:\n            print(name)\n    group = [\"x\", \"y\"]\n    for name in group:\n        print(name)\n\n\nasyncio.run(main())\n",
    );
    assert!(text.contains("for name in group {"), "{text}");
    assert!(text.contains("for name in &group {"), "{text}");
}

/// `len(xs) < n` casts the length and parenthesises the cast, which
/// `<` would otherwise read as the start of generic arguments.
#[test]
fn a_length_compared_with_less_than_is_parenthesised() {
    let text = translated(
        "import asyncio\n\n\nasync def main():\n    xs = [1, 2, 3]\n    while len(xs) < 5:\n        xs.append(0)\n    print(len(xs) < 10, len(xs) > 2)\n\n\nasyncio.run(main())\n",
    );
    assert!(text.contains("while (xs.len() as i64) < 5 {"), "{text}");
    assert!(text.contains("if (xs.len() as i64) < 10 {"), "{text}");
    assert!(text.contains("xs.len() as i64 > 2"), "{text}");
}

/// A dict comprehension collects its `(key, value)` pairs straight into
/// an `IndexMap`, which keeps Python's insertion order.
#[test]
fn a_dict_comprehension_collects_its_pairs_in_order() {
    let text = translated(
        "import asyncio\n\n\nasync def main():\n    lengths = {w: len(w) for w in [\"tea\", \"coffee\", \"juice\"]}\n    print(lengths)\n    inverted = {v: k for k, v in lengths.items()}\n    print(inverted)\n\n\nasyncio.run(main())\n",
    );
    assert!(
        text.contains(
            "    let lengths = vec![\"tea\", \"coffee\", \"juice\"]\n        .iter()\n        .map(|w| (w.to_string(), w.chars().count() as i64))\n        .collect::<IndexMap<_, _>>();\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "        .map(|(k, v)| (v, k.to_string()))\n        .collect::<IndexMap<_, _>>();\n"
        ),
        "{text}"
    );
    assert!(!text.contains("IndexMap::from([])"), "{text}");
}
