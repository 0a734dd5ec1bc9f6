//! `f"{x:,}"` of a float: Python groups the digits of the float's `repr`,
//! which writes `1e+16` where Rust's `{:?}` writes `1e16`.

#[path = "support/listing.rs"]
mod support;

use support::{HEADER, RUN, has_all, listing, main_of};

#[test]
fn a_float_of_known_ordinary_values_keeps_debug_form() {
    let rust = listing(&main_of(
        "    for x in [1.5, 2.5]:\n        y = x * x\n        print(f\"{y:,}\")\n",
    ));
    has_all(&rust, &["py_group(&format!(\"{:?}\", y), ',')"]);
}

#[test]
fn a_float_of_unknown_size_is_grouped_from_its_python_repr() {
    let rust = listing(&format!(
        "{HEADER}async def scaled(x, k):\n    y = x * k\n    print(f\"{{y:,}}\")\n\n\
         async def main():\n    await scaled(1.5, 1e16)\n{RUN}"
    ));
    has_all(
        &rust,
        &[
            "fn float_repr(x: f64) -> String {",
            "py_group(&float_repr(y), ',')",
        ],
    );
}

#[test]
fn a_large_literal_is_grouped_in_exponent_form() {
    let rust = listing(&main_of("    print(f\"{1e16:_}\")\n"));
    has_all(&rust, &["py_group(&float_repr(1e16), '_')"]);
}
