//! A list of integers beside floats (`[1, 2.5, 3]`) is a `Vec<f64>` in the
//! listing, whose items print `1.0` where Python prints `1`. Summed, it
//! gives what Python gives; printed (whole, an item, a loop variable over
//! it, in an f-string or through `str`/`repr`), it would not, and is
//! refused at the list.

use super::analysis::{each_expr, stmt_exprs};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part};
use std::ops::Range;

/// Whether `e` is a list display of integers beside floats.
fn promoted(types: &Types, f: &str, e: &Expr) -> bool {
    let ExprKind::List(items) = &e.kind else {
        return false;
    };
    let tys: Vec<Ty> = items.iter().map(|i| types.expr_ty(f, i)).collect();
    tys.contains(&Ty::Int) && tys.contains(&Ty::Float)
}

/// What `print` shows of a statement: its holes, and the holes of its
/// f-strings and the arguments of its `str`/`repr` calls.
fn shown_of(s: &Stmt) -> Vec<&Expr> {
    let mut out = Vec::new();
    if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind {
        for p in &t.parts {
            if let Part::Hole(e) | Part::Spec(e, _) = p {
                out.push(e);
            }
        }
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| match &x.kind {
            ExprKind::Template(t) => {
                for p in &t.parts {
                    if let Part::Hole(h) | Part::Spec(h, _) = p {
                        out.push(h);
                    }
                }
            }
            ExprKind::Call(Builtin::Str | Builtin::Repr, args) => out.extend(args),
            _ => {}
        });
    }
    out
}

/// Whether `e` shows one of `names` or a promoted list (a sum of one
/// prints as Python's does).
fn shows(
    types: &Types,
    f: &str,
    e: &Expr,
    names: &[(String, Range<usize>)],
) -> Option<Range<usize>> {
    if promoted(types, f, e) {
        return Some(e.span.clone());
    }
    match &e.kind {
        ExprKind::Call(Builtin::Sum, args)
            if args.iter().all(|a| matches!(a.kind, ExprKind::Var(_))) =>
        {
            None
        }
        ExprKind::Var(v) => names.iter().find(|(n, _)| n == v).map(|(_, s)| s.clone()),
        _ => {
            let mut found = None;
            each_expr(e, &mut |x| {
                if found.is_none() && !std::ptr::eq(x, e) {
                    found = match &x.kind {
                        ExprKind::Var(v) => {
                            names.iter().find(|(n, _)| n == v).map(|(_, s)| s.clone())
                        }
                        _ if promoted(types, f, x) => Some(x.span.clone()),
                        _ => None,
                    };
                }
            });
            // The sum of such a list prints as Python's does.
            match &e.kind {
                ExprKind::Call(Builtin::Sum, _) => None,
                _ => found,
            }
        }
    }
}

/// Every list of integers beside floats whose items the program prints.
pub(super) fn printed_promoted(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        // The variables bound to such a list, or to its items.
        let mut names: Vec<(String, Range<usize>)> = Vec::new();
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| match &s.kind {
                StmtKind::Set { var, value }
                | StmtKind::For {
                    var, over: value, ..
                } if promoted(types, &f.name, value) => {
                    names.push((var.clone(), value.span.clone()));
                }
                _ => {}
            });
        }
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                for e in shown_of(s) {
                    if let Some(span) = shows(types, &f.name, e, &names) {
                        out.push(Untranslatable {
                            span,
                            construct: "a list holding integers and floats".into(),
                            reason: "a Rust `Vec` holds items of one type: as `f64`, the \
                                     integer `1` prints `1.0` where Python prints `1`"
                                .into(),
                        });
                    }
                }
            });
        }
    }
    out
}
