//! `x in (a, b)`: a tuple of literals of one kind asked for membership is
//! the list of them (`[1, 2].contains(&x)`), which Rust can search.

use crate::render::plan::ir::expr::{Expr, ExprKind};
use std::mem::discriminant;

/// The container of `x in c` (or `not in`): a tuple of literals of one
/// kind becomes a list of them.
pub(super) fn container(c: Expr) -> Expr {
    let ExprKind::Tuple(items) = &c.kind else {
        return c;
    };
    let one_kind = items.iter().all(|x| match (&x.kind, &items[0].kind) {
        (ExprKind::Lit(v), ExprKind::Lit(first)) => discriminant(v) == discriminant(first),
        _ => false,
    });
    if items.is_empty() || !one_kind {
        return c;
    }
    let ExprKind::Tuple(items) = c.kind else {
        unreachable!("matched a tuple above")
    };
    Expr {
        kind: ExprKind::List(items),
        span: c.span,
    }
}
