//! A function whose `return`s give a number in one place and a string in
//! another is listed as not translated at the clashing `return` (found
//! after type inference, so the Rust pane's refusal comment is read).

#[path = "support/listing.rs"]
mod support;
use support::{HEADER, RUN, listing};

/// The Rust pane's text of `source`, planned but refused once typed.
fn pane(source: &str) -> String {
    let program = asynclings::python::load("x.py", source).expect("loads");
    asynclings::render::rust::render_program(&program).text()
}

#[test]
fn a_return_of_a_string_beside_a_number_is_refused() {
    let text = pane(&format!(
        "{HEADER}async def parse(raw):\n    await asyncio.sleep(0)\n    if raw == \"\":\n        return \"empty\"\n    return len(raw)\n\n\nasync def main():\n    print(await parse(\"abc\"))\n{RUN}"
    ));
    assert!(
        text.starts_with("// The translator cannot translate this program yet (1 to do):\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "x.py:8:12: a `return` of a number beside one of a string\n//   a Rust function returns values of one type\n//     return len(raw)\n"
        ),
        "{text}"
    );
}

/// Integers beside floats are one kind: the listing widens them.
#[test]
fn returns_of_integers_and_floats_translate() {
    let text = listing(&format!(
        "{HEADER}def half(n):\n    if n % 2 == 0:\n        return n // 2\n    return n / 2\n\n\nasync def main():\n    print(half(3))\n{RUN}"
    ));
    assert!(!text.contains("cannot translate"), "{text}");
}
