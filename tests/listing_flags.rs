//! The Rust listing of an enum based on `Flag`: a struct of its members'
//! bits, its members constants, `|`, `&` and `^` its operators, `in` its
//! `contains`, and its `Display` and `Debug` Python's `str` and `repr`;
//! what Python refuses or a flag cannot be here is refused at its place.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, refused};

/// A program with the flag `Perm` (`R`, `W`, `X`) whose `main` runs `body`.
fn flag_program(body: &str) -> String {
    format!(
        "{HEADER}from enum import Flag, auto\n\n\nclass Perm(Flag):\n    R = auto()\n    W = auto()\n    \
         X = auto()\n\n\nasync def main():\n{body}    await asyncio.sleep(0)\n{RUN}"
    )
}

#[test]
fn a_flag_is_a_struct_of_its_bits_printed_as_python_prints_it() {
    let text = listing(&flag_program(
        "    rw = Perm.R | Perm.W\n    print(rw, repr(rw & Perm.X), Perm.R in rw, rw ^ Perm.R)\n",
    ));
    has_all(
        &text,
        &[
            "#[derive(Clone, Copy, PartialEq, Eq, Hash)]\nstruct Perm(i64);",
            "    const R: Perm = Perm(1);\n    const W: Perm = Perm(2);\n    const X: Perm = Perm(4);",
            "const MEMBERS: [(Perm, &str); 3] = [(Perm::R, \"R\"), (Perm::W, \"W\"), (Perm::X, \"X\")];",
            "impl BitOr for Perm {",
            "impl BitXor for Perm {",
            "f.pad(&format!(\"Perm({})\", self.value()))",
            "f.pad(&format!(\"Perm.{}\", self.names()))",
            "write!(f, \"<Perm: {}>\", self.value())",
            "write!(f, \"<Perm.{}: {}>\", self.names(), self.value())",
            "let rw = Perm::R | Perm::W;",
            "format!(\"{:?}\", rw & Perm::X)",
            "if rw.contains(Perm::R) {",
            "rw ^ Perm::R",
        ],
    );
    assert!(!text.contains("const ALL"), "{text}");
}

#[test]
fn a_flags_truth_is_whether_a_bit_is_set() {
    let text = listing(&flag_program(
        "    rw = Perm.R | Perm.W\n    if rw & Perm.X:\n        print('x')\n    \
         if not rw & Perm.X:\n        print(list(rw))\n",
    ));
    has_all(
        &text,
        &[
            "if !(rw & Perm::X).is_empty() {",
            "if (rw & Perm::X).is_empty() {",
            "rw.members().map(|(m, _)| m).collect::<Vec<_>>()",
        ],
    );
}

#[test]
fn a_flags_len_counts_its_members() {
    let text = listing(&flag_program(
        "    print(len(Perm.R | Perm.X), len(Perm))
",
    ));
    has_all(
        &text,
        &[
            "(Perm::R | Perm::X).members().count() as i64",
            "Perm::ALL.len()",
        ],
    );
}

#[test]
fn a_lookup_by_a_literal_value_is_the_union_of_its_members_and_is_compares_values() {
    let text = listing(&flag_program(
        "    rw = Perm.R | Perm.W\n    print(Perm(3) is rw, Perm(7), [p.value for p in Perm])\n",
    ));
    has_all(
        &text,
        &[
            "if (Perm::R | Perm::W) == rw {",
            "Perm::R | Perm::W | Perm::X,",
            "const ALL: [Perm; 3] = [Perm::R, Perm::W, Perm::X];",
        ],
    );
}

#[test]
fn members_in_lower_case_are_constants_in_capitals_and_auto_takes_the_next_bit() {
    let text = listing(&format!(
        "{HEADER}from enum import Flag, auto\n\n\nclass Color(Flag):\n    red = auto()\n    \
         green = 4\n    blue = auto()\n\n\nasync def main():\n    \
         print(Color.red | Color.blue)\n    await asyncio.sleep(0)\n{RUN}"
    ));
    has_all(
        &text,
        &[
            "    const RED: Color = Color(1);\n    const GREEN: Color = Color(4);\n    \
             const BLUE: Color = Color(8);",
            "(Color::RED, \"red\")",
        ],
    );
}

#[test]
fn what_python_refuses_of_a_flag_is_refused_at_its_place() {
    for (body, construct, at) in [
        ("    print(Perm(8))\n", "`Perm(8)`", "Perm(8)"),
        ("    print(Perm(0))\n", "`Perm(0)`", "Perm(0)"),
        (
            "    n = 3\n    print(Perm(n))\n",
            "looking a flag up by its value",
            "Perm(n)",
        ),
        ("    print(Perm.R ^ 1)\n", "the operator `^`", "Perm.R ^ 1"),
        ("    print(Perm.R | 1)\n", "the operator `|`", "Perm.R | 1"),
        ("    print(3 ^ 5)\n", "the operator `^`", "3 ^ 5"),
        (
            "    print((Perm.R | Perm.W).name)\n",
            "the `.name` of a flag",
            "(Perm.R | Perm.W).name",
        ),
        (
            "    for p in Perm.R | Perm.W:\n        print(p)\n",
            "a flag iterated",
            "Perm.R | Perm.W",
        ),
        (
            "    print(Perm.R < Perm.W)\n",
            "the comparison `<` of enum members",
            "Perm.R < Perm.W",
        ),
        (
            "    print(sorted([Perm.W, Perm.R]))\n",
            "an order of enum members",
            "sorted([Perm.W, Perm.R])",
        ),
        (
            "    print(max(Perm.W, Perm.R))\n",
            "an order of enum members",
            "max(Perm.W, Perm.R)",
        ),
        (
            "    xs = [Perm.W]\n    xs.sort()\n    print(xs)\n",
            "an order of enum members",
            "xs.sort()",
        ),
        (
            "    print(Perm.R + Perm.W)\n",
            "the operator `+` of a flag",
            "Perm.R + Perm.W",
        ),
    ] {
        let (c, _, text) = refused(&flag_program(body));
        assert_eq!((c.as_str(), text.as_str()), (construct, at), "{body}");
    }
}

#[test]
fn flags_sorted_by_a_key_are_sorted_by_it() {
    let text = listing(&flag_program(
        "    print(sorted([Perm.W, Perm.R], key=lambda p: p.value))\n",
    ));
    has_all(
        &text,
        &["sorted_by_key(vec![Perm::W, Perm::R], |&p| p.value())"],
    );
}

#[test]
fn a_flag_of_members_that_are_not_single_bits_is_refused() {
    let source = format!(
        "{HEADER}from enum import Flag\n\n\nclass Mode(Flag):\n    A = 1\n    B = 3\n\n\n\
         async def main():\n    print(Mode.A)\n    await asyncio.sleep(0)\n{RUN}"
    );
    let (c, _, text) = refused(&source);
    assert_eq!(c, "the `Flag` member `B` of no single bit");
    assert_eq!(text, "B = 3");
    let source = format!(
        "{HEADER}from enum import Flag\n\n\nclass Mode(Flag):\n    A = 1\n\n    \
         def on(self):\n        return self.value\n\n\n\
         async def main():\n    print(Mode.A.on())\n    await asyncio.sleep(0)\n{RUN}"
    );
    assert_eq!(refused(&source).0, "the method `on` of a `Flag` enum");
}
