//! `max(xs)` and `min(xs)` of a list of floats: Python keeps the first
//! item and takes another only when it compares greater (or less), so a
//! NaN first is the answer and a NaN after is skipped, and of `0.0` and
//! `-0.0` the first is kept; `f64::max` skips a NaN wherever it is. The
//! listing reduces the items with `py_max` or `py_min`, which compare as
//! Python does; an empty list has no answer (Python's `ValueError`).

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::Expr;

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

impl Renderer<'_> {
    /// `max(a, b, ...)` (or `min`) of floats, each argument in turn kept
    /// by `py_max` (`py_min`) as Python keeps it; `None` where every
    /// argument is an integer or a float known to be neither NaN nor `-0.0`
    /// (`a.max(b)` then picks the same).
    pub(super) fn float_extreme_args(&mut self, min: bool, args: &[Expr]) -> Option<Code> {
        let tys: Vec<Ty> = args
            .iter()
            .map(|a| self.types.expr_ty(&self.func, a))
            .collect();
        let numbers = tys.iter().all(|t| matches!(t, Ty::Int | Ty::Float));
        if args.len() < 2 || !numbers || !tys.contains(&Ty::Float) {
            return None;
        }
        let tame = args
            .iter()
            .zip(&tys)
            .all(|(a, t)| *t == Ty::Int || super::float_repr::tame(self.demo, &self.func, a));
        if tame {
            return None;
        }
        let step = if min { "py_min" } else { "py_max" };
        let mut text = self.expr(&args[0]).as_f64().text;
        for a in &args[1..] {
            let a = self.expr(a).as_f64();
            text = format!("{step}({text}, {})", a.text);
        }
        Some(Code::new(text, Ty::Float, 10))
    }
}

/// The helpers the listing's lines use.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [("py_max", PY_MAX), ("py_min", PY_MIN)] {
        if calls(&format!("reduce({name})")) || calls(&format!("{name}(")) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}
