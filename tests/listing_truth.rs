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

#[test]
fn a_list_of_several_types_is_still_refused() {
    let (construct, _, at) = support::refused(&main_of(
        "    print(any([0, \"\"]))\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a list holding a number and a string");
    assert_eq!(at, "[0, \"\"]");
}
