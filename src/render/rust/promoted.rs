//! A list of integers beside floats (`[1, 2.5, 3]`) is a `Vec<f64>` in the
//! listing, whose items print `1.0` where Python prints `1`. Summed, it
//! gives what Python gives; printed (whole, an item, a loop variable over
//! it, in an f-string or through `str`/`repr`), it would not, and is
//! refused at the list. So is an integer passed to a parameter that is a
//! float elsewhere, where the function prints it.

use super::analysis::{stmt_calls, stmt_exprs};
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo, Function, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, UnaryOp};
use std::ops::Range;

/// Whether `e` is a list display of integers beside floats.
fn promoted(types: &Types, f: &str, e: &Expr) -> bool {
    let ExprKind::List(items) = &e.kind else {
        return false;
    };
    let tys: Vec<Ty> = items.iter().map(|i| types.expr_ty(f, i)).collect();
    tys.contains(&Ty::Int) && tys.contains(&Ty::Float) && !types.number_lists.contains(&e.span)
}

/// The value a part of a format string shows as itself: not one written
/// as a float (`{x:.1f}` shows `1` and `1.0` alike).
fn shown_part(p: &Part) -> Option<&Expr> {
    match p {
        Part::Hole(e) => Some(e),
        Part::Spec(e, spec) if !spec.float => Some(e),
        _ => None,
    }
}

/// What `print` shows of a statement: its holes, and the holes of its
/// f-strings and the arguments of its `str`/`repr` calls.
pub(super) fn shown_of(s: &Stmt) -> Vec<&Expr> {
    let mut out = Vec::new();
    if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind {
        out.extend(t.parts.iter().filter_map(shown_part));
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| match &x.kind {
            ExprKind::Template(t) => out.extend(t.parts.iter().filter_map(shown_part)),
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

/// The variables of `f` bound to a list of integers beside floats, or to
/// its items, with the list's place.
fn promoted_names(types: &Types, f: &Function) -> Vec<(String, Range<usize>)> {
    let mut names = Vec::new();
    f.walk(&mut |s| match &s.kind {
        StmtKind::Set { var, value }
        | StmtKind::For {
            var, over: value, ..
        } if promoted(types, &f.name, value) => {
            names.push((var.clone(), value.span.clone()));
        }
        _ => {}
    });
    names
}

/// The places of `g`'s float parameters that `g` prints.
pub(super) fn printed_floats(types: &Types, g: &Function) -> Vec<usize> {
    (0..g.params.len())
        .filter(|&i| {
            let p = &g.params[i];
            let names = [(p.clone(), 0..0)];
            let mut shown = false;
            g.walk(&mut |s| {
                shown |= shown_of(s)
                    .into_iter()
                    .any(|e| shows(types, &g.name, e, &names).is_some());
            });
            types.var(&g.name, p) == Ty::Float && shown
        })
        .collect()
}

/// The parameters of `g` inferred as floats that it returns (in any
/// expression), which its callers may print.
pub(super) fn returned_floats(types: &Types, g: &Function) -> Vec<usize> {
    (0..g.params.len())
        .filter(|&i| {
            let p = &g.params[i];
            let mut returned = false;
            g.walk(&mut |s| {
                if let StmtKind::Return(Some(e)) = &s.kind {
                    returned |= holds(e, p);
                }
            });
            types.var(&g.name, p) == Ty::Float && returned
        })
        .collect()
}

/// Whether the value of `e` is `param`, a sum or product of it, its
/// negation, or a tuple or list holding one (a call such as `int(param)`
/// makes another value).
fn holds(e: &Expr, param: &str) -> bool {
    match &e.kind {
        ExprKind::Var(v) => v == param,
        ExprKind::Binary(_, a, b) => holds(a, param) || holds(b, param),
        ExprKind::Unary(UnaryOp::Neg, a) => holds(a, param),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().any(|i| holds(i, param)),
        _ => false,
    }
}

/// Whether statement `s` drops what its call gives: `await f(...)`,
/// `await asyncio.gather(...)` or an executor's job as a statement.
pub(super) fn drops_result(s: &Stmt) -> bool {
    matches!(
        &s.kind,
        StmtKind::Await { into: None, .. }
            | StmtKind::Gather { into: None, .. }
            | StmtKind::RunBlocking { into: None, .. }
    )
}

/// The calls of program functions a statement makes, itself or inside
/// its expressions.
pub(super) fn calls_of(s: &Stmt) -> Vec<&Call> {
    let mut out = stmt_calls(s);
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| match &x.kind {
            ExprKind::Await(c) | ExprKind::Coro(c) | ExprKind::Spawn(c) | ExprKind::Job(c, _) => {
                out.push(c)
            }
            _ => {}
        });
    }
    out
}

/// Every integer (or item of a list of integers beside floats) passed to
/// a float parameter that its function prints.
pub(super) fn printed_int_args(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let floats: Vec<(&str, Vec<usize>)> = demo
        .functions
        .iter()
        .map(|g| (g.name.as_str(), printed_floats(types, g)))
        .filter(|(_, at)| !at.is_empty())
        .collect();
    let returned: Vec<(&str, Vec<usize>)> = demo
        .functions
        .iter()
        .map(|g| (g.name.as_str(), returned_floats(types, g)))
        .filter(|(_, at)| !at.is_empty())
        .collect();
    let mut out = Vec::new();
    for f in &demo.functions {
        let names = promoted_names(types, f);
        f.walk(&mut |s| {
            for call in calls_of(s) {
                let printed = floats.iter().find(|(g, _)| *g == call.name);
                let kept = returned
                    .iter()
                    .find(|(g, _)| *g == call.name)
                    .filter(|_| !drops_result(s));
                let Some((_, at)) = printed.or(kept) else {
                    continue;
                };
                let does = if printed.is_some() {
                    "prints it: `1.0` where Python prints `1`"
                } else {
                    "returns it: `1.0` where Python has `1`"
                };
                for arg in at.iter().filter_map(|&i| call.args.get(i)) {
                    let item = matches!(&arg.kind, ExprKind::Var(v)
                        if names.iter().any(|(n, _)| n == v));
                    if item || types.expr_ty(&f.name, arg) == Ty::Int {
                        out.push(Untranslatable {
                            span: arg.span.clone(),
                            construct: format!("an integer passed to `{}`", call.name),
                            reason: format!(
                                "the parameter is a float in another call, so an `f64` in \
                                 Rust, and the function {does}"
                            ),
                        });
                    }
                }
            }
        });
    }
    out
}

/// Every list of integers beside floats whose items the program prints.
pub(super) fn printed_promoted(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let names = promoted_names(types, f);
        f.walk(&mut |s| {
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
    out
}
