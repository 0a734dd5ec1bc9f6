//! An asyncio primitive made with a count Python always refuses, written
//! as the `raise` it is, with CPython's message: `asyncio.Semaphore(-1)`
//! (or `BoundedSemaphore`) raises `ValueError: Semaphore initial value
//! must be >= 0`, `asyncio.Barrier(0)` `ValueError: parties must be > 0`.
//! Tokio's `Semaphore::new` takes a `usize` and its `Barrier` a count
//! that may be 0: neither refuses them. Only as a statement, where no
//! primitive is kept.

use super::Planner;
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, StmtKind as P, UnaryOp};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::value::Value;

/// An integer literal's value, negative ones too.
fn int_literal(e: &py::Expr) -> Option<i64> {
    match &e.kind {
        E::Literal(Literal::Int(n)) => Some(*n),
        E::UnaryOp(UnaryOp::Neg, x) => match &x.kind {
            E::Literal(Literal::Int(n)) => n.checked_neg(),
            _ => None,
        },
        _ => None,
    }
}

impl Planner<'_> {
    /// `asyncio.Semaphore(n)` or `asyncio.BoundedSemaphore(n)` of a
    /// negative literal, or `asyncio.Barrier(n)` of one below 1, as a
    /// statement: the `ValueError` Python raises. `None` otherwise.
    pub(super) fn failing_primitive(&self, s: &py::Stmt) -> Option<StmtKind> {
        let P::Expr(e) = &s.kind else {
            return None;
        };
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        let n = match args.as_slice() {
            [Arg::Positional(x)] => int_literal(x)?,
            [Arg::Keyword(k, x)] if &**k == "value" || &**k == "parties" => int_literal(x)?,
            _ => return None,
        };
        let semaphore = self.is_member(f, Module::Asyncio, "Semaphore")
            || self.is_member(f, Module::Asyncio, "BoundedSemaphore");
        let message = if semaphore && n < 0 {
            "Semaphore initial value must be >= 0"
        } else if self.is_member(f, Module::Asyncio, "Barrier") && n < 1 {
            "parties must be > 0"
        } else {
            return None;
        };
        Some(StmtKind::Raise {
            class: "ValueError".into(),
            message: Some(Expr::lit(Value::Str(message.into()))),
        })
    }
}
