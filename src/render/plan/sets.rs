//! Sets: `set()`, `set(xs)` and `{a, b}` are [`Builtin::Set`], a
//! `BTreeSet` of the items; `s.add(x)` and `s.discard(x)` of a local
//! variable change it in place; `a | b` and `a & b` are
//! [`Builtin::Union`] and [`Builtin::Intersection`] (of sets only, once
//! the types are known), as are `a.union(x)` and `a.intersection(x)`,
//! and `a.difference(x)` is `a - b`. What the listing may do with a set (test
//! membership, measure it, sort it, and print or iterate it only where
//! CPython's order is the sorted one) is checked once its items' type is
//! known (`rust::set_uses`).

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Name};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod};

impl Planner<'_> {
    /// `set()` or `set(xs)` as [`Builtin::Set`]; `None` for another call.
    pub(super) fn set_call(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Option<ExprKind>> {
        if !matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "set")
            || self.defs.contains_key("set")
        {
            return Ok(None);
        }
        let items = match args {
            [] => Vec::new(),
            [Arg::Positional(xs)] => vec![self.expr(sc, xs)?],
            _ => {
                return refuse(
                    span,
                    "this call of `set`",
                    "the Rust listing makes a set of no items (`set()`) or of one iterable's \
                     items (`set(xs)`)",
                );
            }
        };
        Ok(Some(ExprKind::Call(Builtin::Set, items)))
    }

    /// `{a, b}`: [`Builtin::Set`] of the list of its items.
    pub(super) fn set_display(&self, sc: &Scope, e: &py::Expr) -> Result<ExprKind> {
        let E::Set(items) = &e.kind else {
            unreachable!("a set display")
        };
        let list = py::Expr {
            kind: E::List(items.clone()),
            ..e.clone()
        };
        Ok(ExprKind::Call(Builtin::Set, vec![self.expr(sc, &list)?]))
    }

    /// `s.add(x)` or `s.discard(x)` of a local variable `s`, unless a
    /// class of the program has a method of that name; `None` otherwise.
    pub(super) fn set_method(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        if let Some(k) = self.set_operation(sc, obj, m, args)? {
            return Ok(Some(k));
        }
        let method = match &**m {
            "add" => StrMethod::Add,
            "discard" => StrMethod::Discard,
            _ => return Ok(None),
        };
        let suffix = format!(".{m}");
        if !matches!(obj.kind, E::Name(Name::Local(..) | Name::Cell(..)))
            || self.defs.keys().any(|k| k.ends_with(&suffix))
        {
            return Ok(None);
        }
        let [Arg::Positional(x)] = args else {
            return Ok(None);
        };
        Ok(Some(ExprKind::StrMethod(
            method,
            Box::new(self.expr(sc, obj)?),
            vec![self.expr(sc, x)?],
        )))
    }

    /// `a.union(x)`, `a.intersection(x)` or `a.difference(x)`, unless a
    /// class of the program has a method of that name: `a | b`, `a & b`
    /// or `a - b` of the set `b` of `x`'s items (`x` itself where it is a
    /// variable, which the listing takes only where it is a set too);
    /// `None` for another method.
    fn set_operation(
        &self,
        sc: &Scope,
        obj: &py::Expr,
        m: &str,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        if !matches!(m, "union" | "intersection" | "difference")
            || self.defs.keys().any(|k| k.ends_with(&format!(".{m}")))
        {
            return Ok(None);
        }
        let [Arg::Positional(x)] = args else {
            return Ok(None);
        };
        let other = match &x.kind {
            E::Name(_) => self.expr(sc, x)?,
            E::Set(_) => Expr {
                kind: self.set_display(sc, x)?,
                span: x.span.clone(),
            },
            _ => Expr {
                kind: ExprKind::Call(Builtin::Set, vec![self.expr(sc, x)?]),
                span: x.span.clone(),
            },
        };
        let a = self.expr(sc, obj)?;
        Ok(Some(match m {
            "union" => ExprKind::Call(Builtin::Union, vec![a, other]),
            "intersection" => ExprKind::Call(Builtin::Intersection, vec![a, other]),
            _ => ExprKind::Binary(BinaryOp::Sub, Box::new(a), Box::new(other)),
        }))
    }

    /// `a | b` or `a & b`: [`Builtin::Union`] or [`Builtin::Intersection`]
    /// of the two.
    pub(super) fn set_operator(
        &self,
        sc: &Scope,
        op: py::BinOp,
        a: &py::Expr,
        b: &py::Expr,
    ) -> Result<ExprKind> {
        let b_ = if op == py::BinOp::BitOr {
            Builtin::Union
        } else {
            Builtin::Intersection
        };
        Ok(ExprKind::Call(
            b_,
            vec![self.expr(sc, a)?, self.expr(sc, b)?],
        ))
    }
}
