//! The Rust listing of a dict of lists grown through
//! `d.setdefault(k, []).append(x)` (the entry API) and of a `for` over a
//! dict, which reads its keys.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn setdefault_then_append_is_the_entry_api() {
    let text = listing(&main_of(
        "    groups = {}\n    for word in [\"tea\", \"jam\", \"cake\"]:\n        \
groups.setdefault(len(word), []).append(word)\n    print(groups)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let mut groups = IndexMap::new();",
            "        groups\n            .entry(word.chars().count() as i64)\n            \
.or_insert_with(Vec::new)\n            .push(word.to_string());",
            "groups.repr()",
        ],
    );
}

#[test]
fn a_for_over_a_dict_reads_its_keys() {
    let text = listing(&main_of(
        "    sizes = {3: [\"tea\"], 4: [\"cake\"]}\n    names = {\"a\": 1}\n    for size in sizes:\n        \
print(size, sizes[size])\n    for name in names:\n        print(name, names[name])\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "for size in sizes.keys().copied() {",
            "for name in names.keys() {",
            "names[name]",
        ],
    );
}

/// `setdefault` of another default, or on what is no local dict, keeps
/// the refusal of changing a list in place.
#[test]
fn other_setdefault_shapes_are_refused() {
    let (construct, _, _) = refused(&main_of(
        "    d = {}\n    d.setdefault(\"k\", [1]).append(2)\n    print(d)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "`.append(...)` on this");
    let (construct, _, _) = refused(&main_of(
        "    d = {}\n    d.setdefault(\"k\", []).extend([2])\n    print(d)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "`.extend(...)` on this");
}
