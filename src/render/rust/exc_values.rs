//! Built-in exceptions made as values (`KeyError("k")`, see
//! `plan::exc_values`) are the listing's `Error`, which is moved where it
//! is raised, passed to a function, kept or iterated. Python's exception
//! objects are shared: one read twice, read in a loop that did not make
//! it, or used otherwise (printed, compared) is refused at its place.

use super::analysis::{stmt_calls, stmt_exprs};
use super::expr_walk::{each_expr, each_expr_of};
use super::raise::group_parts;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::raises::made_classes;
use std::collections::{HashMap, HashSet};

/// Whether a value of type `ty` is an exception or a list of them.
fn held(ty: &Ty) -> bool {
    matches!(ty, Ty::Exception) || matches!(ty, Ty::List(t) if **t == Ty::Exception)
}

/// Every use of an exception made as a value that the listing cannot move.
pub(super) fn misused(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let made = made_classes(demo);
    for f in &demo.functions {
        let allowed = moves(demo, f);
        // The exceptions of a group are borrowed, never moved.
        let lent = super::group_parts::borrowed(f);
        let mut reads: HashMap<&str, usize> = HashMap::new();
        let mut refused: HashSet<*const Expr> = HashSet::new();
        each_expr_of(f, &mut |x| {
            if !held(&types.expr_ty(&f.name, x))
                || refused.contains(&(x as *const Expr))
                || super::group_parts::lent(x, &lent)
            {
                return;
            }
            let again = match &x.kind {
                ExprKind::Var(v) => {
                    let n = reads.entry(v.as_str()).or_default();
                    *n += 1;
                    *n > 1
                }
                _ => false,
            };
            // A class the `Error` enum lacks: made where no raise reads it.
            let unknown = matches!(&x.kind, ExprKind::Exception(c, _) if !made.contains(c));
            if again || unknown || !allowed.contains(&(x as *const Expr)) {
                refused.insert(x);
                out.push(refusal(x));
            }
        });
        // `raise x` of another value, or another value given to a
        // variable that holds an exception.
        f.walk(&mut |s| {
            let e = match &s.kind {
                StmtKind::RaiseValue(e) => e,
                StmtKind::Set { var, value } if types.var(&f.name, var) == Ty::Exception => value,
                _ => return,
            };
            if types.expr_ty(&f.name, e) != Ty::Exception && refused.insert(e) {
                out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: "a `raise` of a value not made an exception here".into(),
                    reason: "the Rust listing raises a variable that holds a built-in exception \
                             the program made (`err = ValueError(\"x\")`), and only that"
                        .into(),
                });
            }
        });
        // A loop moves what it reads on each turn: only what it binds.
        walk(&f.body, &mut |s| {
            let (bound, body) = match &s.kind {
                StmtKind::For { var, body, .. } => (var.as_str(), body),
                StmtKind::While { body, .. } => ("", body),
                _ => return,
            };
            let mut own: Vec<&str> = super::tuples::pattern_names(bound).unwrap_or(vec![bound]);
            walk(body, &mut |s| {
                if let StmtKind::Set { var, .. } | StmtKind::For { var, .. } = &s.kind {
                    own.push(var);
                }
            });
            walk(body, &mut |s| {
                for (e, _) in stmt_exprs(s) {
                    each_expr(e, &mut |x| {
                        if let ExprKind::Var(v) = &x.kind
                            && held(&types.expr_ty(&f.name, x))
                            && !lent.contains(v)
                            && !own.contains(&v.as_str())
                            && refused.insert(x)
                        {
                            out.push(refusal(x));
                        }
                    });
                }
            });
        });
    }
    out
}

/// The places of `f` where an exception value may be moved: a `raise`,
/// a variable's value, a loop's list, an argument of the program's
/// functions, and the items of a list there.
fn moves<'a>(demo: &'a Demo, f: &'a Function) -> HashSet<*const Expr> {
    let mut out: HashSet<*const Expr> = HashSet::new();
    fn allow(e: &Expr, out: &mut HashSet<*const Expr>) {
        out.insert(e);
        match &e.kind {
            ExprKind::List(items) => items.iter().for_each(|i| allow(i, out)),
            // The exceptions a group made by hand holds.
            ExprKind::Exception(class, Some(m)) if group_parts(class, m).is_some() => {
                if let ExprKind::Tuple(parts) = &m.kind {
                    parts.iter().for_each(|p| allow(p, out));
                }
            }
            _ => {}
        }
    }
    f.walk(&mut |s| {
        match &s.kind {
            StmtKind::RaiseValue(e) | StmtKind::Set { value: e, .. } => allow(e, &mut out),
            StmtKind::For { over, .. } => allow(over, &mut out),
            _ => {}
        }
        let mut calls = stmt_calls(s);
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if let ExprKind::Await(call) | ExprKind::Coro(call) | ExprKind::Spawn(call) =
                    &x.kind
                {
                    calls.push(call);
                }
            });
        }
        for call in calls {
            if demo.function(&call.name).is_some() {
                call.args.iter().for_each(|a| allow(a, &mut out));
            }
        }
    });
    out
}

/// An exception value used where the listing cannot move it.
fn refusal(e: &Expr) -> Untranslatable {
    Untranslatable {
        span: e.span.clone(),
        construct: "an exception made as a value, used here".into(),
        reason: "the Rust listing's exception is an `Error` value, moved once where it is \
                 raised, passed to a function, kept or iterated; Python's exception objects \
                 are shared: make it where it is used"
            .into(),
    }
}
