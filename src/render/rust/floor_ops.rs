//! `a // b` and `a % b` by a divisor whose sign the listing cannot see:
//! Python rounds the quotient toward minus infinity and gives the
//! remainder the divisor's sign, which `div_euclid` and `rem_euclid` do
//! only for a positive divisor (`7 // -2` is `-4`, `7.div_euclid(-2)` is
//! `-3`). A number literal divisor keeps them (see `iters::by_negative`
//! for a negative one); another is passed to `py_floordiv` or `py_mod`.

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

/// `a // b` (integers) or `a % b` when `b` is no number literal; `None`
/// for a literal divisor and for a float `//` (`(a / b).floor()` rounds
/// as Python does for either sign).
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
    ] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}
