//! A variable bound to `None` in one place and to a value in another
//! (`best = None`, then `best = v`): in Rust it is an `Option` (`let mut
//! best: Option<i64> = None;`, set with `Some(v)`, read after a test of
//! `is_some`), which the listing does not write for a variable yet. It is
//! refused at the binding of the value rather than listed with `()`.

use super::analysis::binds;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind, walk};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;
use std::collections::HashSet;

/// Every binding of a value to a variable of `demo` that its function
/// also binds to `None`.
pub(super) fn none_then_value(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mut nones = HashSet::new();
        walk(&f.body, &mut |s| {
            if let StmtKind::Set { var, value } = &s.kind
                && matches!(value.kind, ExprKind::Lit(Value::None))
            {
                nones.insert(var.clone());
            }
        });
        walk(&f.body, &mut |s| {
            let (var, ty) = match &s.kind {
                StmtKind::Set { var, value } => (var, types.expr_ty(&f.name, value)),
                _ => match binds(s) {
                    Some(var) => (var, Ty::Unknown),
                    None => return,
                },
            };
            if !nones.contains(var) || matches!(ty, Ty::Unit | Ty::Option(_)) {
                return;
            }
            out.push(Untranslatable {
                span: s.span.clone(),
                construct: format!("`{var}` given a value after `None`"),
                reason: format!(
                    "a Rust variable has one type: one that is `None` and then a value is an \
                     `Option` (`let mut {var} = None;`, then `{var} = Some(...)`), which the \
                     Rust listing does not write for a variable yet"
                ),
            });
        });
    }
    out
}
