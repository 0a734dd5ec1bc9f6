//! Expression statements the Rust listing translates beyond calls and
//! awaits: `a if False else b` of a literal test runs only the branch the
//! test picks, and a literal there is no statement at all.

#[path = "support/listing.rs"]
mod support;

use support::{fetch_program, has_all, listing, refused};

#[test]
fn a_conditional_of_a_false_literal_runs_only_its_else_branch() {
    let text = listing(&fetch_program(
        "    t = asyncio.create_task(fetch(\"a\", 1))\n    \
await asyncio.gather(t) if False else None\n    print(await t)\n",
    ));
    has_all(
        &text,
        &[
            "let t = tokio::spawn(fetch(\"a\", Duration::from_secs(1)));\n    println!(\"{}\", t.await.unwrap());",
        ],
    );
    assert!(!text.contains("join"), "{text}");
}

#[test]
fn a_conditional_of_a_true_literal_runs_its_first_branch() {
    let text = listing(&fetch_program(
        "    await fetch(\"a\", 1) if True else print(\"never\")\n",
    ));
    has_all(&text, &["fetch(\"a\", Duration::from_secs(1)).await;"]);
    assert!(!text.contains("never"), "{text}");
}

#[test]
fn a_conditional_of_another_test_is_refused() {
    let (construct, _, at) = refused(&fetch_program(
        "    x = 1\n    await fetch(\"a\", 1) if x else None\n",
    ));
    assert_eq!(construct, "this expression statement");
    assert_eq!(at, "await fetch(\"a\", 1) if x else None");
}
