//! A loop variable read after its loop: Python keeps the last item in the
//! variable, so the listing keeps it in an `Option` that every loop
//! binding the name sets, declared before the first, and takes it where
//! the statements after (or the loop's `else`) read it. (Python's own
//! output is checked by `tests/rust_listings.rs` on
//! `tests/programs/loops__kept_item.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of, refused};

const TICKS: &str = "async def ticks(n):\n    for i in range(n):\n        await asyncio.sleep(1)\n        yield i\n\n\n";

#[test]
fn a_for_variable_read_after_its_loop_is_kept() {
    let text = listing(&main_of(
        "    for i in range(3):\n        print(i)\n    print(\"last\", i)\n",
    ));
    has_all(
        &text,
        &[
            "    // `i` outlives its loops in Python: the last item a loop gave it.\n    \
             let mut last_i = None;\n    for i in 0..3 {\n        last_i = Some(i);\n",
            "    let i = last_i.expect(\"a loop gave `i` an item\");\n    println!(\"last {i}\");",
        ],
    );
}

/// An earlier loop over the same name sets the `Option` too: an empty
/// later loop leaves its item, as in Python.
#[test]
fn every_loop_before_the_read_keeps_its_item() {
    let text = listing(&format!(
        "{HEADER}{TICKS}async def main():\n    async for i in ticks(2):\n        print(i)\n    \
async for i in ticks(0):\n        pass\n    else:\n        print(\"last\", i)\n{RUN}"
    ));
    assert_eq!(text.matches("let mut last_i = None;").count(), 1, "{text}");
    assert_eq!(text.matches("last_i = Some(i);").count(), 2, "{text}");
    has_all(
        &text,
        &["    let i = last_i.expect(\"a loop gave `i` an item\");\n    println!(\"last {i}\");"],
    );
}

/// A `break` leaves the labeled block of a loop with `else`: the `else`
/// and the statements after it each take the item.
#[test]
fn a_loop_left_by_break_keeps_the_item_it_broke_at() {
    let text = listing(&main_of(
        "    for i in range(5):\n        if i == 2:\n            break\n    else:\n        \
print(\"all\", i)\n    print(\"at\", i)\n",
    ));
    assert_eq!(
        text.matches("let i = last_i.expect(\"a loop gave `i` an item\");")
            .count(),
        2,
        "{text}"
    );
    has_all(&text, &["break 'exit;", "println!(\"at {i}\");"]);
}

/// The item of a type that is not `Copy` (a string) is refused at the
/// loop; so is a parameter's name, whose value an empty loop leaves.
#[test]
fn items_the_option_cannot_copy_are_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    for w in [\"a\", \"b\"]:\n        print(w)\n    print(w)\n",
    ));
    assert_eq!(construct, "`w` used after its loop");
    assert!(reason.contains("`Copy` type"), "{reason}");
    assert!(at.starts_with("for w in"), "{at}");
    let (construct, _, _) = refused(&format!(
        "{HEADER}async def main(n=3):\n    for n in range(2):\n        pass\n    print(n)\n{RUN}"
    ));
    assert_eq!(construct, "`n` used after its `for`");
}
