//! `xs += (4, 5)` extends a list with a tuple's items; `t += (3,)` on a
//! tuple, which Rust cannot join, is refused at its place; so is an
//! object passed to a coroutine that sets its fields, and read again.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, main_of};

/// The Rust pane's text for `source`, with the refusals found once the
/// listing's types are inferred.
fn listing(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

#[test]
fn a_tuple_added_to_a_list_extends_it() {
    let text = listing(&main_of(
        "    nums = [1]\n    nums += (4, 5)\n    print(nums)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "let mut nums = vec![1];",
            "nums = [nums.as_slice(), &vec![4, 5][..]].concat();",
            "println!(\"{nums:?}\");",
        ],
    );
    assert!(!text.contains("cannot translate"), "{text}");
}

#[test]
fn a_tuple_added_to_a_tuple_is_refused_at_its_place() {
    let text = listing(&main_of(
        "    t = (1, 2)\n    t += (3,)\n    print(t)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "// The translator cannot translate this program yet (1 to do):",
            "// x.py:6:5: `+` on a tuple",
            "//   Rust's tuples are no sequences and cannot be joined",
            "//     t += (3,)",
        ],
    );
}

#[test]
fn a_list_added_to_a_string_is_refused() {
    let text = listing(&main_of(
        "    s = \"ab\"\n    s += (\"c\",)\n    print(s)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "// x.py:6:5: adding a list to a string",
            "raises `TypeError`",
        ],
    );
}

#[test]
fn an_object_whose_fields_a_coroutine_sets_is_lent_where_passed() {
    let text = listing(
        "import asyncio\n\n\nclass Account:\n    def __init__(self):\n        self.balance = 0\n\n\n\
async def deposit(acct, amount):\n    await asyncio.sleep(0)\n    acct.balance += amount\n\n\n\
async def main():\n    acct = Account()\n    await deposit(acct, 5)\n    print(acct.balance)\n\n\n\
asyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "async fn deposit(acct: &mut Account, amount: i64) {",
            "deposit(&mut acct, 5).await;",
        ],
    );
}
