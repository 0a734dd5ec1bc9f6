//! `max(xs)` and `min(xs)` of a list of floats: Python keeps the first
//! item and takes another only when it compares greater (or less), so a
//! NaN first is the answer and a NaN after is skipped, and of `0.0` and
//! `-0.0` the first is kept; `f64::max` skips a NaN wherever it is. The
//! listing reduces the items with `py_max` or `py_min`, which compare as
//! Python does; an empty list has no answer (Python's `ValueError`).

use super::code::Code;
use super::types::Ty;

const PY_MAX: &[&str] = &[
    "/// One step of Python's `max` of floats: `x` only when it is greater.",
    "fn py_max(kept: f64, x: f64) -> f64 {",
    "    if x > kept { x } else { kept }",
    "}",
];

const PY_MIN: &[&str] = &[
    "/// One step of Python's `min` of floats: `x` only when it is less.",
    "fn py_min(kept: f64, x: f64) -> f64 {",
    "    if x < kept { x } else { kept }",
    "}",
];

/// `max` (or `min`, when `min`) of the floats `iter` yields.
pub(super) fn extreme(iter: &str, min: bool) -> Code {
    let step = if min { "py_min" } else { "py_max" };
    Code::new(format!("{iter}.reduce({step}).unwrap()"), Ty::Float, 10)
}

/// The helpers the listing's lines use.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [("reduce(py_max)", PY_MAX), ("reduce(py_min)", PY_MIN)] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}
