//! `a // b` and `a % b` by a divisor whose sign the listing cannot see:
//! Python rounds the quotient toward minus infinity and gives the
//! remainder the divisor's sign, which `div_euclid` and `rem_euclid` do
//! only for a positive divisor (`7 // -2` is `-4`, `7.div_euclid(-2)` is
//! `-3`). A number literal divisor keeps them (see `iters::by_negative`
//! for a negative one); another is passed to `py_floordiv` or `py_mod`.
//!
//! A float `a // b` is `(a / b).floor()` only where that is exact: CPython
//! floors the quotient computed from the exact remainder, and `1.0 / 0.1`
//! rounds up to `10.0` where `1.0 // 0.1` is `9.0`; elsewhere it is
//! `py_ffloordiv`.

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::BinaryOp;

const PY_FLOORDIV: &[&str] = &[
    "/// Python's `a // b` of integers: the quotient rounded toward minus infinity.",
    "fn py_floordiv(a: i64, b: i64) -> i64 {",
    "    let q = a / b;",
    "    if a % b != 0 && (a < 0) != (b < 0) {",
    "        q - 1",
    "    } else {",
    "        q",
    "    }",
    "}",
];

const PY_MOD: &[&str] = &[
    "/// Python's `a % b` of integers: the remainder with the divisor's sign.",
    "fn py_mod(a: i64, b: i64) -> i64 {",
    "    let r = a % b;",
    "    if r != 0 && (r < 0) != (b < 0) {",
    "        r + b",
    "    } else {",
    "        r",
    "    }",
    "}",
];

const PY_FMOD: &[&str] = &[
    "/// Python's `a % b` of floats: the remainder with the divisor's sign.",
    "fn py_fmod(a: f64, b: f64) -> f64 {",
    "    let r = a % b;",
    "    if r != 0.0 && (r < 0.0) != (b < 0.0) {",
    "        r + b",
    "    } else {",
    "        r.copysign(b)",
    "    }",
    "}",
];

const PY_FFLOORDIV: &[&str] = &[
    "/// Python's `a // b` of floats: the quotient of `a` less its remainder,",
    "/// rounded as CPython rounds it (`1.0 // 0.1` is `9.0`, not `10.0`).",
    "fn py_ffloordiv(a: f64, b: f64) -> f64 {",
    "    let m = a % b;",
    "    let mut div = (a - m) / b;",
    "    if m != 0.0 && (b < 0.0) != (m < 0.0) {",
    "        div -= 1.0;",
    "    }",
    "    if div == 0.0 {",
    "        return 0.0f64.copysign(a / b);",
    "    }",
    "    let floor = div.floor();",
    "    if div - floor > 0.5 {",
    "        floor + 1.0",
    "    } else {",
    "        floor",
    "    }",
    "}",
];

/// CPython's float floor division (as `py_ffloordiv` computes it).
fn python_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && (b < 0.0) != (m < 0.0) {
        div -= 1.0;
    }
    if div == 0.0 {
        return 0.0f64.copysign(a / b);
    }
    let floor = div.floor();
    if div - floor > 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// A float `a // b` that `(a / b).floor()` would not give exactly:
/// `py_ffloordiv(a, b)`. `None` where the floor is exact: a divisor that
/// is a power of two (the quotient is then exact), or two number literals
/// whose floor is CPython's.
pub(super) fn float_floor_div(a: &Code, b: &Code) -> Option<Code> {
    let literal = |c: &Code| c.text.parse::<f64>().ok();
    let exact = match (literal(a), literal(b)) {
        (Some(x), Some(y)) => {
            y != 0.0 && (x / y).floor().to_bits() == python_floordiv(x, y).to_bits()
        }
        (_, Some(y)) => y != 0.0 && y.is_finite() && y.abs().log2().fract() == 0.0,
        _ => false,
    };
    (!exact).then(|| {
        let (a, b) = (a.as_f64(), b.as_f64());
        Code::new(
            format!("py_ffloordiv({}, {})", a.text, b.text),
            Ty::Float,
            10,
        )
    })
}

/// `a // b` (integers) or `a % b` when `b` is no number literal; `None`
/// for a literal divisor and for a float `//` (see [`float_floor_div`]).
pub(super) fn by_unknown_sign(op: BinaryOp, a: &Code, b: &Code, float: bool) -> Option<Code> {
    if b.text.parse::<f64>().is_ok() {
        return None;
    }
    let (name, ty, a, b) = match (op, float) {
        (BinaryOp::FloorDiv, false) => ("py_floordiv", Ty::Int, a.clone(), b.clone()),
        (BinaryOp::Mod, false) => ("py_mod", Ty::Int, a.clone(), b.clone()),
        (BinaryOp::Mod, true) => ("py_fmod", Ty::Float, a.as_f64(), b.as_f64()),
        _ => return None,
    };
    Some(Code::new(format!("{name}({}, {})", a.text, b.text), ty, 10))
}

/// The helpers the listing's lines use.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [
        ("py_floordiv(", PY_FLOORDIV),
        ("py_mod(", PY_MOD),
        ("py_fmod(", PY_FMOD),
        ("py_ffloordiv(", PY_FFLOORDIV),
    ] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}
