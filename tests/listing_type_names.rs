//! The Rust listing of `type(x).__name__` of a variable: the Rust type of
//! `x` decides the class (an object's is its class), so the listing
//! writes the name; an object read nowhere else is read through its
//! class's `class_name` method; refused where the type does not decide it
//! or where another value is read nowhere else.

#[path = "support/listing.rs"]
mod support;

use asynclings::render::rust;
use support::{has_all, listing};

/// The Rust pane's text of `source`, planned but refused once typed.
fn pane(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    rust::render_program(&program).text()
}

#[test]
fn the_type_of_a_variable_names_its_class() {
    let text = listing(
        "import asyncio\n\n\nclass Reading:\n    def __init__(self, value):\n        self.value = value\n\n\nasync def main():\n    r = Reading(3)\n    single = (1,)\n    n = 4\n    words = [\"a\"]\n    kind = type(r).__name__\n    print(kind, type(single).__name__, type(n).__name__, f\"{type(words).__name__}!\", r.value, single, n, words)\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "let kind = \"Reading\".to_string();",
            "\"{kind} tuple int list! {} {} {n} {}\",",
        ],
    );
}

#[test]
fn a_value_of_several_types_or_read_nowhere_else_is_refused() {
    let text = pane(
        "import asyncio\n\n\nasync def main():\n    unused = 3\n    print(type(unused).__name__)\n    d = {\"a\": 1, \"b\": \"x\"}\n    v = d[\"a\"]\n    print(v, type(v).__name__)\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "this `type(x).__name__`",
            "read nowhere else, so Rust would warn that it is unused",
            "this value's type does not",
        ],
    );
}

#[test]
fn an_object_read_nowhere_else_gives_its_class_name() {
    let text = listing(
        "import asyncio\n\n\nclass Placeholder:\n    pass\n\n\nclass Kept:\n    def __init__(self):\n        self.v = 1\n\n\nasync def main():\n    p = Placeholder()\n    k = Kept()\n    print(type(p).__name__, isinstance(p, Placeholder))\n    print(type(k).__name__, k.v)\n    await asyncio.sleep(0)\n\n\nasyncio.run(main())\n",
    );
    has_all(
        &text,
        &[
            "impl Placeholder {",
            "    /// Python's `type(self).__name__`.\n    fn class_name(&self) -> &'static str {\n        \"Placeholder\"\n    }",
            "let p = Placeholder::new();",
            "println!(\"{} True\", p.class_name());",
        ],
    );
    // An object read elsewhere too keeps the literal name.
    assert!(!text.contains("k.class_name()"), "{text}");
    assert_eq!(text.matches("fn class_name").count(), 1, "{text}");
}
