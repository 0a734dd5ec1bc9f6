//! `pattern % values` with a `pattern` that is no literal string: Python's
//! printf-style formatting, which Rust's `%` (a remainder) does not do. A
//! literal pattern is planned as a template (`plan::percent_format`); any
//! other `%` of a string is refused at its place, with an f-string as the
//! alternative.

use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{BinaryOp, ExprKind};

/// Every `%` whose left operand is a string.
pub(super) fn percent_formats(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        if let ExprKind::Binary(BinaryOp::Mod, a, _) = &x.kind
            && types.expr_ty(&f.name, a) == Ty::Str
        {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: "`%` formatting of a string that is no literal".into(),
                reason: "Rust's `%` is a remainder of numbers and has no \
                         printf-style formatting, and `format!` needs its pattern \
                         when the listing is built: write an f-string \
                         (`f\"{name} is {n}\"`), which the listing writes with \
                         `format!`"
                    .into(),
            });
        }
    });
    out
}
