//! The Rust listing of `bool(x)`: the value's truth as `if x:` tests it.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of};

#[test]
fn bool_is_the_truth_test_of_each_type() {
    let text = listing(&main_of(
        "    n = 2\n    print(bool(n), bool(\"x\"), bool([1]), bool(None), bool({}))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "if n != 0 {",
            "if !\"x\".is_empty() {",
            "if !vec![1].is_empty() {",
        ],
    );
    assert!(text.contains("{} {} {} False False"), "{text}");
}

/// `any`/`all` of a list literal holding several types: Rust has no
/// truthiness, so each item is tested by its own type.
#[test]
fn any_of_a_list_of_several_types_tests_each_item_by_its_type() {
    let text = listing(&main_of(
        "    print(any([0, \"\", None]), all([1, \"x\", [0]]))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "if [0 != 0, !\"\".is_empty(), false].into_iter().any(|x| x) {",
            "if [1 != 0, !\"x\".is_empty(), !vec![0].is_empty()]\n            \
.into_iter()\n            .all(|x| x)\n        {",
        ],
    );
}

/// A generator expression iterates a dict's keys; a filtered one over
/// `items()` takes each pair by value in one `filter_map`.
#[test]
fn a_generator_over_a_dict_reads_its_keys_and_a_filtered_one_its_pairs() {
    let text = listing(&main_of(
        "    prices = {\"apple\": 0.5, \"cheese\": 4.0}\n    \
print(\"\".join(name[0].upper() for name in prices))\n    \
print(\", \".join(f\"{k}={v}\" for k, v in prices.items() if v < 2))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "prices\n            .keys()\n            .map(|name|",
            ".filter_map(|(k, v)| (v < 2.0).then(|| format!(\"{k}={}\", float_repr(v))))",
        ],
    );
}

/// A kept generator expression read twice other than by `list(gen)`: the
/// listing's `Vec` would be seen whole twice, where Python's second reading
/// finds it used up.
#[test]
fn a_kept_generator_read_twice_is_refused() {
    let (construct, _, at) = support::refused(&main_of(
        "    gen = (c for c in \"abc\")\n    print(list(gen), sorted(gen))\n    \
await asyncio.sleep(0)\n",
    ));
    assert_eq!(
        construct,
        "a generator expression kept in a variable and read again"
    );
    assert_eq!(at, "(c for c in \"abc\")");
    let once = listing(&main_of(
        "    gen = (c for c in \"abc\")\n    print(list(gen))\n    await asyncio.sleep(0)\n",
    ));
    assert!(!once.starts_with("// The translator cannot"), "{once}");
}
