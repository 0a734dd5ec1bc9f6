//! Chained comparisons (`a < b < c`): `a < b and b < c`, each middle
//! operand a name or a literal, so reading it twice reads the same value.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, CmpOp, ExprKind as E};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use std::ops::Range;

impl Planner<'_> {
    /// `first op1 b1 op2 b2 ...` as the comparisons joined by `and`.
    pub(super) fn chained(
        &self,
        sc: &Scope,
        first: &py::Expr,
        rest: &[(CmpOp, py::Expr)],
        span: &Range<usize>,
    ) -> Result<ExprKind> {
        let middles = &rest[..rest.len() - 1];
        if !middles
            .iter()
            .all(|(_, b)| matches!(b.kind, E::Name(_) | E::Literal(_)))
        {
            return refuse(
                span,
                "a chained comparison (`a < f(x) < c`)",
                "Rust comparisons do not chain: the listing writes `a < b && b < c`, with `b` \
                 a name or a literal read twice",
            );
        }
        let mut left = self.expr(sc, first)?;
        let mut acc: Option<Expr> = None;
        for (op, b) in rest {
            let right = self.expr(sc, b)?;
            let test = Expr {
                span: left.span.start..right.span.end,
                kind: ExprKind::Binary(
                    super::expr::compare(*op, span)?,
                    Box::new(left),
                    Box::new(right.clone()),
                ),
            };
            acc = Some(match acc {
                None => test,
                Some(a) => Expr {
                    span: a.span.start..test.span.end,
                    kind: ExprKind::Binary(BinaryOp::And, Box::new(a), Box::new(test)),
                },
            });
            left = right;
        }
        Ok(acc.expect("a chain has two comparisons or more").kind)
    }
}
