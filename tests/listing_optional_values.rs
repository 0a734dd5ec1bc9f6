//! Values that may be `None` of a float or a boolean, printed alone and
//! inside a tuple as Python prints them. (`tests/rust_listings.rs` builds
//! and runs `values__optional_float_and_bool.py`.)

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing};

/// A program with `ratio(n)`, a float or `None`, and `ready(n)`, a
/// boolean or `None`, whose `main` runs `body`.
fn program(body: &str) -> String {
    format!(
        "{HEADER}async def ratio(n):\n    await asyncio.sleep(0.1)\n    if n > 0:\n        \
return n / 4\n    return None\n\n\nasync def ready(n):\n    await asyncio.sleep(0.1)\n    \
if n > 1:\n        return n > 2\n    return None\n\n\nasync def main():\n{body}{RUN}"
    )
}

#[test]
fn an_optional_float_prints_its_repr_or_none() {
    let text = listing(&program("    r = await ratio(2)\n    print(r)\n"));
    has_all(
        &text,
        &["r.map_or_else(|| \"None\".into(), |v| format!(\"{v:?}\"))"],
    );
}

#[test]
fn an_optional_bool_prints_true_false_or_none() {
    let text = listing(&program("    b = await ready(3)\n    print(b)\n"));
    has_all(
        &text,
        &["b.map_or(\"None\", |v| if v { \"True\" } else { \"False\" })"],
    );
}

#[test]
fn a_tuple_of_optionals_prints_through_repr() {
    let text = listing(&program(
        "    pair = (await ratio(0), await ready(3))\n    print(pair)\n",
    ));
    has_all(
        &text,
        &[
            "println!(\"{}\", pair.repr());",
            "impl<T: Repr> Repr for Option<T> {",
            "self.as_ref().map_or_else(|| \"None\".to_string(), Repr::repr)",
        ],
    );
}
