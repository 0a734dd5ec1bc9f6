//! `a + [4, 5]` joins two lists. Where `a` is no list (a tuple, whose
//! `t += (3,)` makes a new tuple, or a string, for which Python raises a
//! `TypeError`) the listing has no faithful form, and the join is refused
//! at its place.

use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{BinaryOp, ExprKind};

/// Every `a + b` of `demo` that adds a list to a value of another type.
pub(super) fn join_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        let ExprKind::Binary(BinaryOp::Add, a, b) = &x.kind else {
            return;
        };
        let left = types.expr_ty(&f.name, a);
        if !matches!(types.expr_ty(&f.name, b), Ty::List(_)) || matches!(left, Ty::List(_)) {
            return;
        }
        let (construct, reason) = if matches!(left, Ty::Tuple(_)) {
            (
                "`+` on a tuple".to_string(),
                "Rust's tuples are no sequences and cannot be joined: the Rust \
                 listing extends a list with a list (`xs += [4, 5]`)",
            )
        } else {
            (
                format!("adding a list to {}", left.noun()),
                "Python adds a list only to a list, and raises `TypeError` \
                 otherwise: the Rust listing joins two lists",
            )
        };
        out.push(Untranslatable {
            span: x.span.clone(),
            construct,
            reason: reason.into(),
        });
    });
    out
}
