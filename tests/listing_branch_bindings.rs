//! The Rust listing of a variable first bound inside an `if`'s branches
//! and read after it: declared before the `if` (`let reply;`), each branch
//! assigning it, `mut` only when it is assigned again; refused at the read
//! where a path through the `if` leaves it unbound. (Python's own output is
//! checked by `tests/rust_listings.rs` on
//! `tests/programs/control__branch_bindings.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn a_variable_bound_in_both_branches_is_declared_before_the_if() {
    let text = listing(&main_of(
        "    for n in range(3):\n        if n % 2 == 0:\n            reply = \"even\"\n        \
else:\n            reply = \"odd\"\n        print(n, reply)\n",
    ));
    has_all(
        &text,
        &[
            "        let reply;\n        if n % 2 == 0 {\n            reply = \"even\".to_string();\n        \
} else {\n            reply = \"odd\".to_string();\n        }\n        println!(\"{n} {reply}\");",
        ],
    );
    assert!(!text.contains("let mut reply"), "{text}");
}

#[test]
fn a_number_has_its_type_written_and_is_mut_only_when_set_again() {
    let text = listing(&main_of(
        "    hour = 14\n    if hour < 12:\n        total = 1\n    else:\n        total = 2\n    \
total += 1\n    if hour > 3:\n        bonus = 5\n    else:\n        bonus = 6\n    print(total, bonus)\n",
    ));
    has_all(
        &text,
        &[
            "    let mut total: i64;\n    if hour < 12 {\n        total = 1;\n    } else {\n        total = 2;\n    }\n    total += 1;",
            "    let bonus: i64;\n    if hour > 3 {\n        bonus = 5;\n    } else {\n        bonus = 6;\n    }",
        ],
    );
}

#[test]
fn an_elif_chain_and_nested_ifs_in_a_while_bind_on_every_path() {
    let text = listing(&main_of(
        "    n = 0\n    while n < 4:\n        if n == 0:\n            kind = \"zero\"\n        \
elif n % 2 == 0:\n            kind = \"even\"\n        else:\n            if n > 2:\n                \
kind = \"big odd\"\n            else:\n                kind = \"odd\"\n        print(n, kind)\n        n += 1\n",
    ));
    has_all(
        &text,
        &[
            "    while n < 4 {\n        let kind;\n        if n == 0 {\n            kind = \"zero\".to_string();\n        } else if n % 2 == 0 {",
            "        } else if n > 2 {\n            kind = \"big odd\".to_string();\n        } else {\n            kind = \"odd\".to_string();\n        }\n        println!(\"{n} {kind}\");",
        ],
    );
}

#[test]
fn a_plain_function_declares_what_its_branches_bind() {
    let text = listing(
        "import asyncio\n\n\ndef grade(score):\n    if score >= 90:\n        letter = \"A\"\n    \
else:\n        letter = \"B\"\n    return letter\n\n\nasync def main():\n    print(grade(95))\n\n\n\
asyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "fn grade(score: i64) -> String {\n    let letter;\n    if score >= 90 {\n        letter = \"A\".to_string();",
        ],
    );
}

#[test]
fn a_path_that_returns_needs_no_binding() {
    let text = listing(
        "import asyncio\n\n\ndef half(n):\n    if n % 2 == 0:\n        h = n // 2\n    \
else:\n        return -1\n    return h\n\n\nasync def main():\n    print(half(8), half(3))\n\n\n\
asyncio.run(main())\n",
    );
    has_all(&text, &["    let h: i64;\n    if n % 2 == 0 {"]);
}

#[test]
fn a_read_after_an_if_without_else_is_refused_there() {
    let (construct, reason, place) = refused(&main_of(
        "    for n in range(3):\n        if n > 0:\n            label = \"positive\"\n        print(n, label)\n",
    ));
    assert_eq!(
        construct,
        "`label` read where a path through the `if` leaves it unbound"
    );
    assert!(reason.contains("`UnboundLocalError`"), "{reason}");
    assert_eq!(place, "label");
}

#[test]
fn an_else_that_does_not_bind_is_refused_at_the_read() {
    let (construct, _, place) = refused(&main_of(
        "    hour = 3\n    if hour > 1:\n        note = \"late\"\n    else:\n        print(hour)\n    print(note)\n",
    ));
    assert_eq!(
        construct,
        "`note` read where a path through the `if` leaves it unbound"
    );
    assert_eq!(place, "note");
}

#[test]
fn a_read_after_the_loop_holding_the_if_is_refused_there() {
    let (construct, reason, place) = refused(&main_of(
        "    for x in [1, 2, 3]:\n        if x > 1:\n            best = x\n        else:\n            \
best = 0\n    print(best)\n",
    ));
    assert_eq!(construct, "`best` read after the loop whose `if` binds it");
    assert!(reason.contains("before the loop"), "{reason}");
    assert_eq!(place, "best");
}
