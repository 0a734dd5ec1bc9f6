//! The Rust listing of `isinstance(x, cls)` of built-in classes and of
//! the program's plain classes: the Rust type of `x` decides it, so it is `true` or `false`; refused where the
//! type does not decide it or where `x` is read nowhere else.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, listing, main_of, refused};

/// The Rust pane's text of `source`, planned but refused once typed.
fn pane(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

#[test]
fn the_type_of_the_value_decides_isinstance() {
    let text = listing(&main_of(
        "    port = 8080\n    ratio = 0.5\n    print(isinstance(port, int), isinstance(port, (str, float)), \
isinstance(ratio, (int, float)))\n    print(isinstance(True, int), isinstance(1, bool), port, ratio)\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"True False True\");",
            "println!(\"True False {port} {ratio:?}\");",
        ],
    );
}

#[test]
fn a_value_of_several_types_or_read_nowhere_else_is_refused() {
    let text = pane(&main_of(
        "    unused = 3\n    print(isinstance(unused, int))\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "this `isinstance`",
            "read nowhere else, so Rust would warn that it is unused",
        ],
    );
    let text = pane(&main_of(
        "    d = {\"a\": 1, \"b\": \"x\"}\n    v = d[\"a\"]\n    print(v, isinstance(v, int))\n    \
await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["this `isinstance`", "this value's type does not"]);
}

#[test]
fn isinstance_of_an_expression_is_refused_at_the_expression() {
    let (construct, reason, span) = refused(&main_of(
        "    xs = [True]\n    print(isinstance(xs[0], bool))\n    await asyncio.sleep(0)\n",
    ));
    assert_eq!(construct, "`isinstance` of this expression");
    assert!(reason.contains("a variable or a literal"), "{reason}");
    assert_eq!(span, "xs[0]");
}

/// An object's type is its class (a plain class has no subclass in the
/// listing): `isinstance` of a variable holding one is `true` for its
/// class only.
#[test]
fn the_class_of_an_object_decides_isinstance() {
    let text = listing(
        "import asyncio\n\n\nclass Reading:\n    def __init__(self, value):\n        self.value = value\n\n\nclass Label:\n    def __init__(self, text):\n        self.text = text\n\n\nasync def main():\n    r = Reading(3)\n    n = 4\n    print(isinstance(r, Reading), isinstance(r, (int, Label)), isinstance(n, Reading), r.value, n)\n    lab = Label(\"a\")\n    print(lab.text)\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n",
    );
    has_all(&text, &["println!(\"True False False {} {n}\", r.value);"]);
}
