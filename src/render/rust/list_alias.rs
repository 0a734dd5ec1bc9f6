//! A second name for a list, dict or set: `b = a`, both read later, one
//! changed in place. Python's two names are one container, and a change
//! through one shows through the other; the listing's `let b = a.clone()`
//! is a copy, which would print otherwise. Such an assignment is listed as
//! not translated, at its value.

use super::expr_walk::each_expr_of;
use super::object_alias::named_after;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, ExprKind};

/// Every variable set to a container another variable names, where both
/// are read later and one of them is changed in place.
pub(super) fn list_aliases(demo: &Demo, types: &Types, source: &str) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let StmtKind::Set { var, value } = &s.kind else {
                return;
            };
            let ExprKind::Var(other) = &value.kind else {
                return;
            };
            let container = matches!(
                types.expr_ty(&f.name, value),
                Ty::List(_) | Ty::Dict(..) | Ty::Set(_)
            );
            let end = value.span.end;
            if container
                && other != var
                && named_after(f, other, end)
                && named_after(f, var, end)
                && (changed(f, other, source) || changed(f, var, source))
            {
                out.push(Untranslatable {
                    span: value.span.clone(),
                    construct: format!("`{var}` naming the container `{other}` names"),
                    reason: "Python's two names are one list, dict or set, and a change \
                             through one shows through the other; the listing's `let` \
                             would copy it: keep one name, or copy it in Python too \
                             (`list(xs)`, `d.copy()`)"
                        .into(),
                });
            }
        });
    }
    out
}

/// Whether `f` changes the container `var` names in place: by a method,
/// or by `+=` or `*=` (which the plan writes `xs = xs + ys`).
fn changed(f: &Function, var: &str, source: &str) -> bool {
    let mut found = false;
    f.walk(&mut |s| {
        if let StmtKind::Set { var: set, value } = &s.kind
            && set == var
            && let ExprKind::Binary(BinaryOp::Add | BinaryOp::Mul, a, _) = &value.kind
            && matches!(&a.kind, ExprKind::Var(v) if v == var)
            && source
                .get(s.span.clone())
                .is_some_and(|t| t.contains("+=") || t.contains("*="))
        {
            found = true;
        }
    });
    each_expr_of(f, &mut |x| {
        if let ExprKind::StrMethod(m, on, _) = &x.kind
            && matches!(&on.kind, ExprKind::Var(v) if v == var)
        {
            found |= m.mutates();
        }
    });
    found
}
