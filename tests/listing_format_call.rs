//! The Rust listing of the built-in `format(value, spec)`: the text
//! `f"{value:spec}"` makes, written with `format!`'s spec; `+` of such
//! texts as one `format!`; and what the listing refuses, at its place: a
//! spec computed when the program runs, and a spec Python applies
//! otherwise than `format!` to the value's type. (`tests/rust_listings.rs`
//! builds and runs `builtins__format_call.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{has_all, listing, main_of, refused};

/// What the listing of `source` says first: the refusal's header and
/// first item, when the program's types rule it out.
fn render_text(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

#[test]
fn format_with_a_spec_is_the_format_field_of_that_spec() {
    let text = listing(&main_of(
        "    count = 42\n    price = 3.14159\n    await asyncio.sleep(0)\n    \
print(format(count), format(count, \"05d\"), format(price, \".2f\"), format(255, \"#x\"))\n",
    ));
    has_all(
        &text,
        &["println!(\"{count} {count:05} {price:.2} {:#x}\", 255);"],
    );
}

#[test]
fn formatted_texts_joined_by_plus_are_one_format() {
    let text = listing(&main_of(
        "    name = \"db\"\n    seconds = 1.5\n    await asyncio.sleep(0)\n    \
line = format(name, \"<8\") + f\"{seconds:>6.2f}\" + \" s\"\n    print(line)\n",
    ));
    has_all(
        &text,
        &["let line = format!(\"{name:<8}{seconds:>6.2} s\");"],
    );
}

#[test]
fn a_spec_computed_when_the_program_runs_is_refused_at_the_spec() {
    let (construct, reason, at) = refused(&main_of(
        "    spec = \">5\"\n    await asyncio.sleep(0)\n    print(format(7, spec))\n",
    ));
    assert_eq!(construct, "a format spec computed when the program runs");
    assert!(reason.contains("string literal"), "{reason}");
    assert_eq!(at, "spec");
}

#[test]
fn a_spec_format_cannot_write_is_refused_at_the_call() {
    let (construct, _, at) = refused(&main_of(
        "    await asyncio.sleep(0)\n    print(format(5, \"=+8\"))\n",
    ));
    assert_eq!(construct, "the format spec \"=+8\" of `format`");
    assert_eq!(at, "format(5, \"=+8\")");
}

#[test]
fn a_spec_python_refuses_for_the_value_s_type_is_refused_at_the_value() {
    for (line, noun) in [
        ("print(format(price, \"d\"))", "a float"),
        ("print(f\"{name:x}\")", "a string"),
        ("print(f\"{name:05}\")", "a string"),
        ("print(\"{:>6}\".format(flag))", "a boolean"),
        (
            "print(format(items, \">9\"))",
            "a value that is no number or string",
        ),
    ] {
        let text = render_text(&main_of(&format!(
            "    price = 1.5\n    name = \"abc\"\n    flag = True\n    items = [1]\n    \
await asyncio.sleep(0)\n    {line}\n"
        )));
        has_all(
            &text,
            &[
                "// The translator cannot translate this program yet (1 to do):",
                "x.py:10:",
                &format!(": this format spec of {noun}"),
            ],
        );
    }
}

#[test]
fn a_spec_that_fits_the_value_s_type_is_kept() {
    let text = render_text(&main_of(
        "    price = 1.5\n    count = 3\n    await asyncio.sleep(0)\n    \
print(format(count, \".2f\"), f\"{price:>8.1f}\", format(\"ab\", \"^6\"))\n",
    ));
    has_all(
        &text,
        &["println!(\"{:.2} {price:>8.1} {:^6}\", count as f64, \"ab\");"],
    );
}

#[test]
fn a_module_s_own_format_is_not_the_built_in() {
    let text = render_text(
        "import asyncio\n\nformat = lambda x, spec: str(x)\n\n\nasync def main():\n    \
await asyncio.sleep(0)\n    print(format(7, \">5\"))\n\n\nasyncio.run(main())\n",
    );
    has_all(&text, &["x.py:8:11: the call `format(7, \">5\")`"]);
    assert!(!text.contains("{:>5}"), "{text}");
}
