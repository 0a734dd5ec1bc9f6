//! The Rust listing of a set comprehension of ints below 8
//! (`{n % 4 for n in xs}`): a `BTreeSet`, in the sorted order CPython
//! keeps such a set in, printed as Python prints a set; the refusal of
//! other set comprehensions, whose order follows hashes.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_set_of_remainders_is_a_btreeset_printed_as_python_prints_it() {
    let text = listing(&main_of(
        "    rems = {n % 4 for n in range(20)}\n    none = {n % 3 for n in range(0)}\n    \
sizes = {len(w) % 8 for w in [\"tea\", \"cake\"]}\n    print(rems, none, sizes)\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "use std::collections::BTreeSet;",
            "    let rems = (0..20)\n        .map(|n: i64| n.rem_euclid(4))\n        \
.collect::<BTreeSet<_>>();",
            "py_set(&rems), py_set(&none), py_set(&sizes)",
            "fn py_set(items: &BTreeSet<i64>) -> String {",
            "\"set()\".to_string()",
        ],
    );
}

#[test]
fn other_set_comprehensions_are_refused() {
    for comp in [
        "{w for w in [\"b\", \"a\"]}",
        "{n * 2 for n in range(3)}",
        "{n % 9 for n in range(30)}",
        "{x % 2 for x in range(3) for y in range(2)}",
        "{x % 4 for x in [1.5, 2.5]}",
    ] {
        let (construct, reason, at) = refused(&main_of(&format!(
            "    s = {comp}\n    print(s)\n    await asyncio.sleep(0)\n"
        )));
        assert_eq!(construct, "a set comprehension", "{comp}");
        assert!(reason.contains("hashes"), "{reason}");
        assert_eq!(at, comp);
    }
}
