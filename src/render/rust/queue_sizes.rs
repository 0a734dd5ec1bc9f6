//! A queue's sizes (`q.qsize()`, `q.maxsize`) are the channel's `usize`
//! counts (`len()`, `capacity()`), which cannot go below zero: a
//! subtraction with one (`q.maxsize - q.qsize()` of an unbounded queue is
//! negative in Python) would overflow in Rust. Listed as not translated.

use super::expr_walk::each_function_expr;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use crate::render::plan::ir::primitive::PrimOp;

/// Every subtraction of `demo` with a queue's size on either side.
pub(super) fn size_subtractions(demo: &Demo) -> Vec<Untranslatable> {
    let size = |e: &Expr| matches!(&e.kind, ExprKind::Prim(_, PrimOp::QSize | PrimOp::MaxSize));
    let mut out = Vec::new();
    each_function_expr(demo, &mut |_, x| {
        if let ExprKind::Binary(BinaryOp::Sub, a, b) = &x.kind
            && (size(a) || size(b))
        {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: "a queue's size in a subtraction".into(),
                reason: "the channel counts its items and capacity as `usize`, which cannot go \
                         below zero where Python's difference can: convert it first \
                         (`i64::try_from(q.len())`)"
                    .into(),
            });
        }
    });
    out
}
