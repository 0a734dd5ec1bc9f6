//! `xs[a:b:k]` of a list or a string, with literal bounds (a negative one
//! counting from the end of a variable) and any step but 0: an iterator
//! over its items (taken, skipped, reversed or stepped) collected again,
//! clamped to the length as Python clamps. A tuple's slice is the tuple of
//! the fields it picks.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Literal, UnaryOp};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// A slice as [`Builtin::Slice`] (the object, then the start, stop and
    /// step, each an int or `None`); `None` for an expression that is no
    /// slice.
    pub(super) fn slice_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Subscript(obj, index) = &e.kind else {
            return Ok(None);
        };
        let E::Slice(start, stop, step) = &index.kind else {
            return Ok(None);
        };
        let bound = |b: &Option<Box<py::Expr>>| match b.as_deref() {
            None => Some(None),
            Some(x) => int_literal(x).map(Some),
        };
        let refused = || {
            refuse(
                &index.span,
                "this slice",
                "the Rust listing slices a list, a string or a tuple with literal bounds \
                 and a step other than 0; a negative bound only of a variable, whose length \
                 it reads",
            )
        };
        let (Some(a), Some(b), Some(s)) = (bound(start), bound(stop), bound(step)) else {
            return refused();
        };
        // A negative bound counts from the end: the length is read too, so
        // the object must be a variable.
        let from_end = a.is_some_and(|a| a < 0) || b.is_some_and(|b| b < 0);
        let named = matches!(obj.kind, E::Name(_));
        if s == Some(0) || (from_end && !named) || matches!(obj.kind, E::Tuple(_)) {
            return refused();
        }
        let lit = |v: Option<i64>| Expr::lit(v.map_or(Value::None, Value::Int));
        Ok(Some(ExprKind::Call(
            Builtin::Slice,
            vec![self.expr(sc, obj)?, lit(a), lit(b), lit(s)],
        )))
    }
}

/// The value of an int literal, or of one negated.
fn int_literal(e: &py::Expr) -> Option<i64> {
    match &e.kind {
        E::Literal(Literal::Int(n)) => Some(*n),
        E::UnaryOp(UnaryOp::Neg, x) if let E::Literal(Literal::Int(n)) = &x.kind => n.checked_neg(),
        _ => None,
    }
}
