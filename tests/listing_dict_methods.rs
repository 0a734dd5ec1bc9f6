//! The Rust listing of `d.pop(k, default)`, `d.setdefault(k, v)` and
//! `d.update(other)`, and the refusal of a value of another type than the
//! dict's. (Python's own output is checked by `tests/rust_listings.rs` on
//! `tests/programs/dicts__pop_setdefault_update.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn pop_with_a_default_keeps_the_order_of_the_others() {
    let text = listing(&main_of(
        "    d = {\"a\": 1, \"b\": 2}\n    print(d.pop(\"a\", 0), d.pop(\"z\", -1))\n    d.pop(\"b\", 0)\n    print(d)\n",
    ));
    has_all(
        &text,
        &[
            "d.shift_remove(\"a\").unwrap_or(0)",
            "d.shift_remove(\"z\").unwrap_or(-1)",
            "    d.shift_remove(\"b\");\n",
        ],
    );
}

#[test]
fn setdefault_of_a_value_is_the_entry_api() {
    let text = listing(&main_of(
        "    d = {\"a\": 1}\n    print(d.setdefault(\"b\", 2), d)\n    d.setdefault(\"c\", 3)\n    print(d)\n",
    ));
    has_all(
        &text,
        &[
            "d.entry(\"b\".to_string()).or_insert(2).clone()",
            "    d.entry(\"c\".to_string()).or_insert(3);\n",
        ],
    );
}

#[test]
fn update_extends_with_the_pairs_of_a_literal_or_another_dict() {
    let text = listing(&main_of(
        "    d = {\"a\": 1}\n    d.update({\"a\": 5, \"b\": 2})\n    more = {\"c\": 3}\n    d.update(more)\n    print(d, more)\n",
    ));
    has_all(
        &text,
        &[
            "d.extend([(\"a\".to_string(), 5), (\"b\".to_string(), 2)]);",
            "d.extend(more.clone());",
        ],
    );
}

#[test]
fn a_value_of_another_type_is_refused() {
    let (construct, reason, at) = refused(&main_of(
        "    d = {\"a\": 1}\n    print(d.pop(\"a\", \"none\"))\n",
    ));
    assert_eq!(construct, "this `pop`");
    assert!(reason.contains("one type"), "{reason}");
    assert_eq!(at, "d.pop(\"a\", \"none\")");
    let (construct, _, _) = refused(&main_of(
        "    d = {\"a\": 1}\n    d.update({\"b\": \"x\"})\n    print(d)\n",
    ));
    assert_eq!(construct, "this `update`");
}

#[test]
fn setdefault_changing_a_caller_s_dict_is_refused() {
    let (construct, _, _) = refused(
        "import asyncio\n\n\ndef add(d):\n    return d.setdefault(\"a\", 1)\n\n\n\
async def main():\n    x = {\"b\": 2}\n    print(add(x), x)\n\n\nasyncio.run(main())\n",
    );
    assert_eq!(construct, "a list or dict changed by `add`");
    let (construct, _, _) = refused(&main_of("    print({\"a\": 1}.setdefault(\"b\", 2))\n"));
    assert_eq!(construct, "`.setdefault(...)` on this");
}
