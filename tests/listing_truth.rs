//! The Rust listing of `bool(x)` and of `any`/`all` over a list display
//! whose items differ in type: each value's truth as `if x:` tests it.

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

#[test]
fn any_of_items_of_several_types_reads_each_items_truth() {
    let text = listing(&main_of(
        "    print(any([0, \"\", None]), all([1.5, \"x\", [0]]))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "[0 != 0, !\"\".is_empty(), false].into_iter().any(|x| x)",
            "[1.5 != 0.0, !\"x\".is_empty(), !vec![0].is_empty()].into_iter().all(|x| x)",
        ],
    );
}

#[test]
fn a_list_of_several_types_elsewhere_is_still_refused() {
    let (construct, _, at) = support::refused(&main_of(
        "    print(len([0, \"\"]))\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a list holding a number and a string");
    assert_eq!(at, "[0, \"\"]");
}
