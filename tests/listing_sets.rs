//! The Rust listing of sets: `set()`, `set(xs)` and `{a, b}` are
//! `BTreeSet`s, `add` and `discard` are `insert` and `remove`, `in` is
//! `contains`, `|`, `&` and `-` the `BTreeSet`'s operators and `sorted`
//! the set's own order; a set is printed or
//! iterated only where CPython's order is the sorted one (ints below 8 the
//! function puts in it), and the other uses are refused at their place.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, listing, main_of};

/// The Rust pane of `source`: the listing, or the refusals found once the
/// types are known.
fn pane(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).lines.join("\n")
}

#[test]
fn a_set_of_strings_is_grown_tested_and_sorted() {
    let text = listing(&main_of(
        "    seen = set()\n    for page in [\"/\", \"/a\", \"/\"]:\n        if page in seen:\n            \
continue\n        seen.add(page)\n    seen.discard(\"/b\")\n    print(sorted(seen), len(seen), \"/a\" not in seen)\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "use std::collections::BTreeSet;",
            "    let mut seen = BTreeSet::new();",
            "        if seen.contains(page) {",
            "        seen.insert(page.to_string());",
            "    seen.remove(\"/b\");",
            "py_list(&seen.iter().cloned().collect::<Vec<_>>())",
            "seen.len() as i64",
            "if !seen.contains(\"/a\")",
        ],
    );
}

#[test]
fn a_set_is_made_of_a_list_a_string_or_its_items() {
    let text = listing(&main_of(
        "    tags = set([\"red\", \"blue\", \"red\"])\n    kinds = {\"x\", \"y\"}\n    \
print(len(tags), sorted(set(\"banana\")), sorted(kinds))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let tags = BTreeSet::from([\"red\".to_string(), \"blue\".to_string(), \"red\".to_string()]);",
            "let kinds = BTreeSet::from([\"x\".to_string(), \"y\".to_string()]);",
            "\"banana\"\n",
            ".chars()\n",
            ".collect::<BTreeSet<_>>()\n",
            ".into_iter()\n",
        ],
    );
}

#[test]
fn a_set_of_small_ints_the_function_makes_is_printed() {
    let text = listing(&main_of(
        "    slots = {3, 1, 2}\n    slots.add(0)\n    taken = {6, 5}\n    taken.discard(5)\n    \
print(slots, 2 in slots, {5, 4} == {4, 5}, list(slots), taken)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "slots.iter().cloned().collect::<Vec<_>>()",
            "    let mut slots = BTreeSet::from([3, 1, 2]);\n    slots.insert(0);",
            "    taken.remove(&5);",
            "py_set(&slots)",
            "py_set(&taken)",
            "slots.contains(&2)",
            "BTreeSet::from([5, 4]) == BTreeSet::from([4, 5])",
        ],
    );
}

#[test]
fn union_intersection_and_difference_are_the_btreesets_operators() {
    let text = listing(&main_of(
        "    a = {\"ada\", \"bob\"}\n    b = set([\"bob\", \"cy\"])\n    both = a & b\n    \
print(sorted(a | b), sorted(both), len(a - b), \"cy\" in a | b, a - b == {\"ada\"})\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "    let both = &a & &b;",
            "py_list(&(&a | &b).into_iter().collect::<Vec<_>>())",
            "(&a - &b).len() as i64",
            "if (&a | &b).contains(\"cy\")",
            "if (&a - &b) == BTreeSet::from([\"ada\".to_string()])",
        ],
    );
}

#[test]
fn a_sets_least_and_greatest_are_its_first_and_last() {
    let text = listing(&main_of(
        "    ws = {\"bb\", \"a\"}\n    ns = {3, 1}\n    print(min(ws), max(ns), sum(ns), sorted(ws, reverse=True))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "ws.first().cloned().unwrap()",
            "ns.last().cloned().unwrap()",
            "ns.iter().sum::<i64>()",
        ],
    );
}

#[test]
fn a_set_in_hash_order_is_not_printed_or_iterated() {
    for (body, at) in [
        ("    s = {\"b\", \"a\"}\n    print(s)\n", "6:11"),
        ("    s = {9, 1}\n    print(s)\n", "6:11"),
        ("    s = {1, 2}\n    s.add(8)\n    print(s)\n", "7:11"),
        // CPython prints `{5, 4}`: 5 is added again where 5 and 2 were discarded.
        (
            "    s = {4}\n    s.add(5)\n    s.discard(5)\n    s.add(2)\n    s.discard(2)\n    s.add(5)\n    print(s)\n",
            "11:11",
        ),
        (
            "    s = set()\n    s.add(\"a\")\n    for x in s:\n        print(x)\n",
            "7:14",
        ),
        ("    s = {\"a\"}\n    print(f\"{s}\")\n", "6:14"),
        ("    s = {\"a\"}\n    print(len(list(s)))\n", "6:20"),
        // Items of equal keys keep the set's order.
        (
            "    s = {\"bb\", \"a\", \"cc\"}\n    print(sorted(s, key=len))\n",
            "6:18",
        ),
    ] {
        let text = pane(&main_of(&format!("{body}    await asyncio.sleep(0)\n")));
        has_all(
            &text,
            &[
                &format!("// x.py:{at}: a set printed or iterated"),
                "print or iterate `sorted(...)` of it",
            ],
        );
    }
}

#[test]
fn the_set_operations_without_a_form_are_refused() {
    for (body, want) in [
        (
            "    a = 6\n    print(a | 1)\n",
            "// x.py:6:11: the operator `|`",
        ),
        (
            "    a = {1, 2}\n    print(len(a & [1]))\n",
            "// x.py:6:15: the operator `&`",
        ),
        (
            "    a = {1, 2}\n    print(a < {1, 2, 3})\n",
            "// x.py:6:11: the operator `<` of sets",
        ),
        (
            "    a = {1.5, 2.5}\n    print(len(a))\n",
            "// x.py:6:15: a set of these items",
        ),
    ] {
        let text = pane(&main_of(&format!("{body}    await asyncio.sleep(0)\n")));
        has_all(&text, &[want]);
    }
}
