//! `assert test, message`: the `if !test` whose block raises
//! `AssertionError` as an `Err` (the message made only then, as Python
//! makes it), so that an `except AssertionError` can take it as Python's
//! does, where Rust's `assert!` would panic.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program as py;
use crate::render::plan::ir::ast::{Stmt, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind, UnaryOp};

impl Planner<'_> {
    /// The plan of `assert test, message` (statement `s`).
    pub(super) fn assertion(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        test: &py::Expr,
        message: Option<&py::Expr>,
    ) -> Result<StmtKind> {
        let cond = self.test_expr(sc, test)?;
        let message = message.map(|m| self.expr(sc, m)).transpose()?;
        let raise = Stmt {
            id: s.id,
            span: s.span.clone(),
            kind: StmtKind::Raise {
                class: "AssertionError".into(),
                message,
            },
        };
        Ok(StmtKind::If {
            cond: negated(cond),
            then: vec![raise],
            otherwise: Vec::new(),
        })
    }
}

/// `not cond`, an equality or membership test turned over (`a != b` for
/// `a == b`), as it answers the same for every value; an ordering stays
/// under `!`, which a NaN would answer otherwise turned over.
fn negated(cond: Expr) -> Expr {
    let span = cond.span.clone();
    let kind = match cond.kind {
        ExprKind::Binary(
            op @ (BinaryOp::Eq | BinaryOp::Ne | BinaryOp::In | BinaryOp::NotIn),
            a,
            b,
        ) => {
            let op = match op {
                BinaryOp::Eq => BinaryOp::Ne,
                BinaryOp::Ne => BinaryOp::Eq,
                BinaryOp::In => BinaryOp::NotIn,
                _ => BinaryOp::In,
            };
            ExprKind::Binary(op, a, b)
        }
        ExprKind::Unary(UnaryOp::Not, x) => return *x,
        kind => ExprKind::Unary(
            UnaryOp::Not,
            Box::new(Expr {
                kind,
                span: span.clone(),
            }),
        ),
    };
    Expr { kind, span }
}
