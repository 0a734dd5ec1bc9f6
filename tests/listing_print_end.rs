//! The Rust listing of `print(..., end=...)`: an end that finishes the
//! line is part of `println!`'s text, any other end is written by `print!`
//! after the text, and a computed end is refused.

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

#[test]
fn an_end_without_a_newline_is_print() {
    let text = listing(&main_of(
        "    print(\"loading\", end=\"...\")\n    await asyncio.sleep(1)\n    print(\" ok\")\n    \
print(\"a\", \"b\", sep=\"-\", end=\"\")\n    print()\n",
    ));
    has_all(
        &text,
        &[
            "    print!(\"loading...\");\n    sleep(Duration::from_secs(1)).await;\n    println!(\" ok\");\n",
            "    print!(\"a-b\");\n    println!();\n",
        ],
    );
}

#[test]
fn an_end_ending_in_a_newline_is_part_of_the_line() {
    let text = listing(&main_of(
        "    n = 3\n    print(\"n\", n, sep=\"=\", end=\"!\\n\")\n    print(f\"{n} left\", end=\"\\n\")\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["println!(\"n={n}!\");", "println!(\"{n} left\");"]);
    assert!(!text.contains("print!("), "{text}");
}

#[test]
fn an_end_on_stderr_is_eprint() {
    let text = listing(&main_of(
        "    print(\"warn\", end=\": \", file=sys.stderr)\n    print(\"disk\", file=sys.stderr)\n    \
await asyncio.sleep(0)\n",
    )
    .replace("import asyncio\n", "import asyncio\nimport sys\n"));
    has_all(&text, &["eprint!(\"warn: \");", "eprintln!(\"disk\");"]);
}

#[test]
fn a_computed_end_is_refused() {
    let (construct, reason, _) = refused(&main_of(
        "    mark = \"!\"\n    print(\"hi\", end=mark)\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "a computed `end=`");
    assert!(reason.contains("`end=` as a string literal"), "{reason}");
}
