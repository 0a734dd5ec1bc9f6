//! Expressions the plan lets through whose Rust form would not build, or
//! would print other than CPython: a string method of a number
//! (`(3).upper()`), a read of a dict that never holds a value (`{}[k]`),
//! `in` of a tuple (a Rust tuple has no `contains`), `a if c else b` of
//! branches of two types, a slice of a `range`, `float("1_000.5")` and
//! `int("1_000")` (Rust's parse rejects `_`), and an int beyond 2**53 compared with a float
//! (`as f64` rounds it, where Python compares exactly). Each is listed as
//! not translated at its place.

use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod};
use crate::render::plan::ir::value::Value;

/// Every such expression of `demo`.
pub(super) fn unbuilt(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        if let Some((construct, reason)) = unfit(x, &|e| types.expr_ty(&f.name, e)) {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: construct.into(),
                reason: reason.into(),
            });
        }
    });
    out.sort_by_key(|u| (u.span.start, u.span.end));
    out.dedup_by_key(|u| u.span.clone());
    out
}

/// Whether `x` is such an expression: its construct and the reason.
fn unfit(x: &Expr, ty: &dyn Fn(&Expr) -> Ty) -> Option<(&'static str, &'static str)> {
    match &x.kind {
        ExprKind::StrMethod(_, on, _) if matches!(ty(on), Ty::Int | Ty::Float | Ty::Bool) => {
            Some((
                "a method of a number that Python does not have",
                "Python raises `AttributeError` here; Rust's numbers have no such method either: \
             call it on a string",
            ))
        }
        _ if read_dict(x).is_some_and(|(d, k)| empty_dict(d, k, ty)) => Some((
            "a read of a dict that never holds a value",
            "the Rust `IndexMap` needs the type of its values, which nothing here gives",
        )),
        ExprKind::Binary(BinaryOp::In | BinaryOp::NotIn, _, over)
            if matches!(over.kind, ExprKind::Tuple(_)) =>
        {
            Some((
                "`in` of a tuple",
                "a Rust tuple has no `contains`: test a list (`[a, b]`) of one type instead",
            ))
        }
        ExprKind::IfElse(_, a, b) if two_types(&ty(a), &ty(b)) => Some((
            "`a if c else b` of two types",
            "a Rust `if` gives one type, and an int made a float prints as `1.0`: \
             give both branches one type",
        )),
        ExprKind::Call(Builtin::Slice, args)
            if args
                .first()
                .is_some_and(|r| matches!(r.kind, ExprKind::Call(Builtin::Range, _))) =>
        {
            Some((
                "a slice of a `range`",
                "a Rust range is not indexed: write the range with the bounds wanted",
            ))
        }
        ExprKind::Call(Builtin::Float, args)
            if args
                .iter()
                .any(|a| matches!(&a.kind, ExprKind::Lit(Value::Str(s)) if s.contains('_'))) =>
        {
            Some((
                "`float()` of text with `_`",
                "Python reads `_` between digits; Rust's `parse::<f64>` refuses it",
            ))
        }
        ExprKind::Call(Builtin::Int, args)
            if args
                .iter()
                .any(|a| matches!(&a.kind, ExprKind::Lit(Value::Str(s)) if s.contains('_'))) =>
        {
            Some((
                "`int()` of text with `_`",
                "Python reads `_` between digits; Rust's `parse::<i64>` refuses it",
            ))
        }
        ExprKind::Binary(op, a, b) if is_compare(*op) && beyond_floats(a, b, ty) => Some((
            "an int beyond 2**53 compared with a float",
            "Python compares an int with a float exactly; `as f64` rounds the int first",
        )),
        _ => None,
    }
}

/// What `x[k]` or `x.get(k)` reads, and the key.
fn read_dict(x: &Expr) -> Option<(&Expr, &Expr)> {
    match &x.kind {
        ExprKind::Call(Builtin::Index, args) => Some((args.first()?, args.get(1)?)),
        ExprKind::StrMethod(StrMethod::Get, d, args) => Some((d, args.first()?)),
        _ => None,
    }
}

/// Whether `d` is a dict literal with no items read at a key other than
/// a string (a caught `{}["k"]` reads a map of `()`), or a dict kept in a
/// variable whose values are of no known type.
fn empty_dict(d: &Expr, k: &Expr, ty: &dyn Fn(&Expr) -> Ty) -> bool {
    if let ExprKind::Call(Builtin::Dict, items) = &d.kind {
        return items.is_empty() && ty(k) != Ty::Str;
    }
    matches!(ty(d), Ty::Dict(_, v) if *v == Ty::Unknown)
}

/// Whether branches of types `a` and `b` have no one Rust type.
fn two_types(a: &Ty, b: &Ty) -> bool {
    let prim = |t: &Ty| matches!(t, Ty::Int | Ty::Float | Ty::Bool | Ty::Str);
    prim(a) && prim(b) && a != b
}

fn is_compare(op: BinaryOp) -> bool {
    matches!(
        op,
        BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
    )
}

/// Whether one side is a float and the other an int known to be beyond
/// 2**53, which `as f64` cannot hold exactly.
fn beyond_floats(a: &Expr, b: &Expr, ty: &dyn Fn(&Expr) -> Ty) -> bool {
    let big = |i: &Expr, f: &Expr| {
        ty(f) == Ty::Float && constant(i).is_some_and(|v| v.unsigned_abs() > 1 << 53)
    };
    big(a, b) || big(b, a)
}

/// The value of an int expression of literals, if it fits an `i64`.
fn constant(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Lit(Value::Int(v)) => Some(*v),
        ExprKind::Binary(op, a, b) => {
            let (a, b) = (constant(a)?, constant(b)?);
            match op {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Sub => a.checked_sub(b),
                BinaryOp::Mul => a.checked_mul(b),
                BinaryOp::Pow => a.checked_pow(u32::try_from(b).ok()?),
                _ => None,
            }
        }
        _ => None,
    }
}
