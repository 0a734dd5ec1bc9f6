//! An asyncio primitive written as text (`print(q)`, `f"{lock}"`,
//! `str(event)`): Python writes the object's state (`<Queue maxsize=2
//! _queue=[1]>`, `<asyncio.locks.Event object at 0x... [unset]>`), which
//! the Tokio type standing for it (a channel, a `watch`, a `Mutex`) does
//! not show. Listed as not translated at the value, rather than shown as a
//! listing that does not build.

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part};

/// What Python calls the primitive of type `ty`, if it is one that the
/// listing cannot write as text: its `repr` when `repr`.
fn primitive(ty: &Ty, repr: bool) -> Option<&'static str> {
    Some(match ty {
        // Its `str` is written by the listing's `Queue` (see `queue_text`).
        Ty::Queue(t) if !repr && super::queue_text::printable_item(t) => return None,
        Ty::Queue(_) => "queue",
        Ty::Event => "event",
        Ty::Sync(true) => "lock",
        Ty::Sync(false) => "semaphore",
        Ty::Barrier => "barrier",
        Ty::Condition => "condition",
        _ => return None,
    })
}

/// Every primitive of `demo` written as text.
pub(super) fn printed_primitives(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mut check = |e: &Expr, repr: bool| {
            let ty = types.expr_ty(&f.name, e);
            if repr && matches!(ty, Ty::Queue(_)) {
                out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: "the queue's `repr`".into(),
                    reason: "Python's `repr` of a queue holds its address in memory (`<Queue at \
                             0x7f... maxsize=2>`), which the listing cannot print alike: write \
                             the queue itself (its `str`, `<Queue maxsize=2>`)"
                        .into(),
                });
            } else if let Some(kind) = primitive(&ty, repr) {
                out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: format!("the {kind} written as text"),
                    reason: format!(
                        "Python writes the {kind}'s state (a queue as `<Queue maxsize=2 \
                         _queue=[1]>`); the Tokio type standing for it has no such text: \
                         print what the program reads of it instead"
                    ),
                });
            }
        };
        f.walk(&mut |s| {
            if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind {
                for part in &t.parts {
                    if let Part::Hole(e) | Part::Spec(e, _) = part {
                        check(e, false);
                    }
                }
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| match &x.kind {
                    ExprKind::Template(t) => {
                        for part in &t.parts {
                            if let Part::Hole(e) | Part::Spec(e, _) = part {
                                check(e, false);
                            }
                        }
                    }
                    ExprKind::Call(Builtin::Str, args) => {
                        args.iter().for_each(|a| check(a, false));
                    }
                    ExprKind::Call(Builtin::Repr, args) => {
                        args.iter().for_each(|a| check(a, true));
                    }
                    _ => {}
                });
            }
        });
    }
    out.sort_by_key(|u| (u.span.start, u.span.end));
    out.dedup_by_key(|u| u.span.clone());
    out
}
