//! A loop variable of a `for` read after the loop: Python keeps the last
//! item, a Rust `for` binds its variable inside the loop only, so the
//! listing refuses the loop at its place where it cannot keep the item.

#[path = "support/listing.rs"]
mod support;

use support::{listing, main_of, refused};

/// A loop variable that is also bound otherwise (by unpacking, or by an
/// assignment) and read after the loop is refused at the `for`, with the
/// way to keep the item. (The plain case is kept in an `Option`: see
/// `listing_kept_items.rs`.)
#[test]
fn a_loop_variable_read_after_its_for_is_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    i = 10\n    for i in range(3):\n        print(i)\n    print(\"last\", i)\n",
    ));
    assert_eq!(construct, "`i` used after its `for`");
    assert!(reason.contains("Rust `for` loop binds"), "{reason}");
    assert!(at.starts_with("for i in range(3):"), "{at}");
    let (construct, _, _) = refused(&main_of(
        "    for a, b in [(1, 2)]:\n        pass\n    print(b)\n",
    ));
    assert_eq!(construct, "`b` used after its `for`");
}

/// A loop nested in another block, its variable read after that block:
/// refused at the nested loop.
#[test]
fn a_nested_loop_variable_read_after_its_block_is_refused() {
    let (construct, _, at) = refused(&main_of(
        "    for i in range(2):\n        for j in range(3):\n            pass\n    print(j)\n",
    ));
    assert_eq!(construct, "`j` used after its `for`");
    assert!(at.starts_with("for j in range(3):"), "{at}");
    let (construct, _, at) = refused(&main_of(
        "    if True:\n        for k in range(2):\n            pass\n    print(k)\n",
    ));
    assert_eq!(construct, "`k` used after its `for`");
    assert!(at.starts_with("for k in range(2):"), "{at}");
}

/// A loop whose variable is not read after it, or is bound again by
/// another loop or an assignment, still translates.
#[test]
fn a_loop_variable_left_in_its_loop_is_translated() {
    let text = listing(&main_of(
        "    for i in range(2):\n        print(i)\n    for i, j in [(1, 2)]:\n        print(i, j)\n    print(\"done\")\n",
    ));
    assert!(text.contains("for i in 0..2 {"), "{text}");
    assert!(text.contains("for (i, j) in"), "{text}");
    let text = listing(&main_of(
        "    for x in range(2):\n        print(x)\n    x = 5\n    print(x)\n",
    ));
    assert!(text.contains("let x = 5;"), "{text}");
}
