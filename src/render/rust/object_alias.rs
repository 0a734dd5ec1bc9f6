//! A second name for an object the program still reaches another way:
//! `first = jobs[0]` (an item of a list or dict, a field of an object) or
//! `b = a` where `a` is read again. Python's two names are one object; a
//! Rust `let` moves it (out of a list it cannot) or would copy it, and a
//! change through one name would not show through the other. Such an
//! assignment is listed as not translated, at its value.

use super::expr_walk::each_expr_of;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{Builtin, ExprKind};

/// Every variable set to an object that a list, a dict, an object or
/// another variable read later still holds.
pub(super) fn object_aliases(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let StmtKind::Set { var, value } = &s.kind else {
                return;
            };
            if !matches!(types.expr_ty(&f.name, value), Ty::Object(_)) {
                return;
            }
            let held = match &value.kind {
                ExprKind::Call(Builtin::Index, _) | ExprKind::Field(..) => true,
                ExprKind::Var(v) => v != var && named_after(f, v, value.span.end),
                _ => false,
            };
            if held {
                out.push(Untranslatable {
                    span: value.span.clone(),
                    construct: format!("`{var}` naming an object held elsewhere"),
                    reason: "Python's two names are one object; a Rust `let` would move \
                             it out of what holds it, or copy it, and a change through one \
                             name would not show through the other: read it where it is \
                             held (`jobs[0].name`), or loop over the list (`for job in \
                             jobs`)"
                        .into(),
                });
            }
        });
        held_items(f, types, &mut out);
    }
    out
}

/// Every object put in a list display or a tuple that a list, a dict or
/// an object still holds (`[jobs[1], jobs[0]]`): the new list would hold
/// copies, where Python's holds the same objects.
fn held_items(f: &Function, types: &Types, out: &mut Vec<Untranslatable>) {
    each_expr_of(f, &mut |x| {
        let (ExprKind::List(items) | ExprKind::Tuple(items)) = &x.kind else {
            return;
        };
        for i in items {
            let held = matches!(
                i.kind,
                ExprKind::Call(Builtin::Index, _) | ExprKind::Field(..)
            );
            if held && matches!(types.expr_ty(&f.name, i), Ty::Object(_)) {
                out.push(Untranslatable {
                    span: i.span.clone(),
                    construct: "an object held elsewhere put in a new list or tuple".into(),
                    reason: "Python's new list holds the same object; Rust cannot \
                             take it out of what holds it, and a copy would not show a \
                             change made through the other: keep indexes into the list \
                             (`order = [1, 0]`) and read `jobs[i]` where it is held"
                        .into(),
                });
            }
        }
    });
}

/// Whether `f` names `var` after the source offset `at` (later in the
/// same statement too).
pub(super) fn named_after(f: &Function, var: &str, at: usize) -> bool {
    let mut found = false;
    each_expr_of(f, &mut |x| {
        found |= x.span.start >= at && matches!(&x.kind, ExprKind::Var(v) if v == var);
    });
    found
}
