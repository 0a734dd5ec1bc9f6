//! A float `a // b` is written `(a / b).floor()` only where that floor is
//! CPython's: `1.0 / 0.1` rounds up to `10.0`, and `1.0 // 0.1` is `9.0`.

#[path = "support/listing.rs"]
mod support;
use support::{has_all, listing, main_of};

#[test]
fn a_float_floor_division_by_a_power_of_two_is_the_floor_of_the_quotient() {
    let text = listing(&main_of(
        "    x = 7.5\n    print(x // 2.0, x // 0.5)\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["(x / 2.0).floor()", "(x / 0.5).floor()"]);
    assert!(!text.contains("py_ffloordiv"), "{text}");
}

#[test]
fn a_float_floor_division_by_another_divisor_rounds_as_cpython() {
    let text = listing(&main_of(
        "    x = 1.0\n    y = 0.1\n    print(x // 0.1, x // y, 1.0 // 0.1)\n    await asyncio.sleep(0)\n",
    ));
    has_all(
        &text,
        &[
            "py_ffloordiv(x, 0.1)",
            "py_ffloordiv(x, y)",
            "py_ffloordiv(1.0, 0.1)",
            "fn py_ffloordiv(a: f64, b: f64) -> f64 {",
        ],
    );
}

#[test]
fn two_literals_whose_floor_is_exact_keep_the_floor() {
    let text = listing(&main_of(
        "    print(7.0 // 3.0)\n    await asyncio.sleep(0)\n",
    ));
    has_all(&text, &["f64::floor(7.0 / 3.0)"]);
}
