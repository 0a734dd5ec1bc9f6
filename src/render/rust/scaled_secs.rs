//! A delay computed from an integer parameter or field (or a sum of them
//! and integer literals) by a literal (`size / 10`, `n * 0.5`, `ms / 1000`,
//! `(4 - n) / 2`): `Duration` arithmetic on its whole
//! seconds (`Duration::from_secs(size) / 10`), with no cast to `f64`. The
//! integer is converted checked, so a negative one waits no time, as
//! asyncio's sleep does.

use super::Renderer;
use super::types::Ty;
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

impl Renderer<'_> {
    /// Whether `e` is a parameter of the function or a field, whose
    /// integer type rustc knows where a method is called on it.
    pub(super) fn settled_int(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Var(n) => self
                .demo
                .function(&self.func)
                .is_some_and(|f| f.params.contains(n)),
            ExprKind::Field(x, _) => matches!(x.kind, ExprKind::Var(_)),
            _ => false,
        }
    }

    /// A settled integer, or a sum, difference or product of settled
    /// integers and integer literals (`4 - n`), whose type rustc knows too.
    fn settled_sum(&self, e: &Expr) -> bool {
        let int_literal = |x: &Expr| matches!(x.kind, ExprKind::Lit(Value::Int(_)));
        match &e.kind {
            ExprKind::Binary(BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul, a, b) => {
                (self.settled_sum(a) && (int_literal(b) || self.settled_sum(b)))
                    || (int_literal(a) && self.settled_sum(b))
            }
            _ => self.settled_int(e),
        }
    }

    /// `x / k`, `x * f` or `f * x`, with `x` a settled integer and the
    /// literal an exact whole divisor or multiplier: the `Duration`.
    pub(super) fn scaled_duration(&mut self, e: &Expr) -> Option<String> {
        let ExprKind::Binary(op, a, b) = &e.kind else {
            return None;
        };
        let (x, k) = match op {
            BinaryOp::Div => (a, divisor(b)?),
            BinaryOp::Mul if self.settled_sum(a) => (a, reciprocal(b)?),
            BinaryOp::Mul => (b, reciprocal(a)?),
            _ => return None,
        };
        if !self.settled_sum(x) {
            return None;
        }
        let c = self.expr(x);
        if c.ty != Ty::Int {
            return None;
        }
        let whole = format!("{}.try_into().unwrap_or(0)", c.wrap(10));
        Some(match k {
            1 => format!("Duration::from_secs({whole})"),
            1000 => format!("Duration::from_millis({whole})"),
            _ => format!("Duration::from_secs({whole}) / {k}"),
        })
    }
}

/// A positive whole literal that fits a `u32`, as `Duration` divides.
fn divisor(e: &Expr) -> Option<u32> {
    match e.kind {
        ExprKind::Lit(Value::Int(n)) => u32::try_from(n).ok().filter(|k| *k > 0),
        ExprKind::Lit(Value::Float(f)) if f.fract() == 0.0 && (1.0..=1e6).contains(&f) => {
            Some(f as u32)
        }
        _ => None,
    }
}

/// A float literal whose reciprocal is exactly whole (`0.5`, `0.25`): the
/// divisor it multiplies by.
fn reciprocal(e: &Expr) -> Option<u32> {
    let ExprKind::Lit(Value::Float(f)) = e.kind else {
        return None;
    };
    let r = 1.0 / f;
    (f > 0.0 && f < 1.0 && r.fract() == 0.0 && r * f == 1.0 && r <= 1e6).then_some(r as u32)
}
