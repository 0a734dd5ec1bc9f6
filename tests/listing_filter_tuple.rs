//! The Rust listing of `filter(None, xs)`, the items that are true, and of
//! `tuple(...)` of a literal, the tuple of its items; `tuple(...)` of what
//! has no length known before it runs is refused.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn filter_of_none_keeps_the_true_items_each_call_its_own_name() {
    let text = listing(&main_of(
        "    xs = [0, 3]\n    words = [\"\", \"a\"]\n    print(list(filter(None, xs)), list(filter(None, words)))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            ".filter(|&item| item != 0)",
            ".filter(|item1| !item1.is_empty())",
        ],
    );
}

#[test]
fn filter_of_none_names_its_item_by_a_word_the_program_does_not_use() {
    let text = listing(&main_of(
        "    item = [0, 3]\n    print(list(filter(None, item)))\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &[".filter(|&item1| item1 != 0)"]);
}

#[test]
fn tuple_of_a_literal_is_the_tuple_of_its_items() {
    let text = listing(&main_of(
        "    xs = [4, 5]\n    pair = tuple([xs[0], xs[1]])\n    print(pair, tuple(\"hi\"), tuple((1,)))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let pair = (xs[0], xs[1]);",
            "(\"h\".to_string(), \"i\".to_string()).repr()",
            "(1,).repr()",
        ],
    );
}

#[test]
fn tuple_of_a_variable_or_of_many_is_refused_at_its_place() {
    // The empty tuple printed is its text (see `listing_type_questions`).
    for call in ["tuple(xs)", "tuple([1, 2, 3, 4])"] {
        let (construct, reason, span) = refused(&main_of(&format!(
            "    xs = [1, 2]\n    print({call})\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(construct, format!("the call `{call}`"));
        assert!(reason.contains("length is part of its type"), "{reason}");
        assert_eq!(span, call);
    }
}
