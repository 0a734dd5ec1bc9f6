//! A variable that may be `None`, read where Python has already looked at
//! it: `x and f(x)` calls `f` only on a value, and `a if x is not None
//! else b` reads `x` in `a` only when it holds one. The listing takes the
//! value out of the `Option` in a closure (`x.map(|x| ...)`,
//! `x.map_or(b, |x| a)`), where `x` is the value itself; the block of
//! `if x is not None:` reads it in `if let Some(x) = x`.

use super::Renderer;
use super::analysis::assigned_in;
use super::code::Code;
use super::expr_walk::each_function_expr;
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// The variable `c` tests against `None`, and whether the test is true
/// when it holds a value (`x is not None`).
fn none_test(c: &Expr) -> Option<(&str, bool)> {
    let ExprKind::Binary(op @ (BinaryOp::Eq | BinaryOp::Ne), a, b) = &c.kind else {
        return None;
    };
    let var = match (&a.kind, &b.kind) {
        (ExprKind::Var(v), ExprKind::Lit(Value::None))
        | (ExprKind::Lit(Value::None), ExprKind::Var(v)) => v,
        _ => return None,
    };
    Some((var, *op == BinaryOp::Ne))
}

/// Whether `e` is the variable `name` itself.
fn is_var(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Var(v) if v == name)
}

/// A value to give when there is none: `unwrap_or(d)`, or
/// `unwrap_or_else(|| d)` when making it calls something.
fn or_default(method: &str, default: &str) -> String {
    match default.contains('(') {
        true => format!("{method}_else(|| {default})"),
        false => format!("{method}({default})"),
    }
}

/// The parts of `a if x is not None else b` (or `b if x is None else a`)
/// of an `x` that may be `None`: `x`, its value's type, the branch that
/// has the value and the other.
fn if_some<'e>(
    types: &Types,
    f: &str,
    c: &'e Expr,
    a: &'e Expr,
    b: &'e Expr,
) -> Option<(&'e str, Ty, &'e Expr, &'e Expr)> {
    let (x, some) = none_test(c)?;
    let Ty::Option(t) = types.var(f, x) else {
        return None;
    };
    let (with, without) = if some { (a, b) } else { (b, a) };
    Some((x, *t, with, without))
}

/// The type of `a if x is not None else b` where the listing takes the
/// value of `x` in `a`: the value's, not the `Option`'s.
pub(super) fn if_some_ty(types: &Types, f: &str, c: &Expr, a: &Expr, b: &Expr) -> Option<Ty> {
    let (x, t, with, without) = if_some(types, f, c, a, b)?;
    let ty = if is_var(with, x) {
        t
    } else {
        types.expr_ty(f, with)
    };
    let other = types.expr_ty(f, without);
    if matches!(other, Ty::Option(_)) {
        return None;
    }
    // An int where a float stands is the float; other types differ.
    let holds = |a: &Ty, b: &Ty| a == b || *b == Ty::Unknown || (*a == Ty::Float && *b == Ty::Int);
    Some(match () {
        _ if holds(&ty, &other) => ty,
        _ if holds(&other, &ty) => other,
        _ => Ty::Unknown,
    })
}

/// Every `a if x is not None else b` of `demo` whose other branch is no
/// `Option` and has not the value's type: Python gives either, a Rust
/// value has one type.
pub(super) fn unfit(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        let ExprKind::IfElse(c, a, b) = &x.kind else {
            return;
        };
        let Some((_, t, _, without)) = if_some(types, &f.name, c, a, b) else {
            return;
        };
        let other = types.expr_ty(&f.name, without);
        let fits = if_some_ty(types, &f.name, c, a, b).is_some_and(|ty| ty == t);
        if fits || matches!(other, Ty::Option(_)) {
            return;
        }
        out.push(Untranslatable {
            span: x.span.clone(),
            construct: match (t.noun(), other.noun()) {
                (v, o) if v == o => format!(
                    "a conditional expression of {v} that may be `None` and \
                     {o} of another type"
                ),
                (v, o) => format!("a conditional expression of {v} that may be `None` and {o}"),
            },
            reason: "the Rust listing writes `x if x is not None else d` as \
                     `x.unwrap_or(d)`, which needs `d` of the value's type; give \
                     both branches one type"
                .into(),
        });
    });
    out
}

impl Renderer<'_> {
    /// `if x is not None:` of a variable that may be `None`, which the
    /// block does not bind again: `if let Some(x) = x {`, the block reading
    /// the value. `false` for another `if`.
    pub(super) fn if_let_some(
        &mut self,
        cond: &Expr,
        then: &Block,
        otherwise: &Block,
        tail: bool,
    ) -> bool {
        let Some((x, true)) = none_test(cond) else {
            return false;
        };
        let Ty::Option(t) = self.var_ty(x) else {
            return false;
        };
        if assigned_in(then).contains(x) || self.narrowed_var(x).is_some() {
            return false;
        }
        let option = match *t {
            _ if t.is_copy() => self.var_code(x).text,
            Ty::Str => format!("{}.as_deref()", self.var_code(x).wrap(10)),
            _ => format!("&{}", self.var_code(x).wrap(7)),
        };
        let x = x.to_string();
        self.line(format!("if let Some({}) = {option} {{", ident(&x)));
        self.narrowed.push((x, *t));
        self.nested_tail(then, tail);
        self.narrowed.pop();
        self.else_chain(otherwise, tail);
        self.line("}");
        true
    }

    /// `name` read inside a closure that took its value out of the
    /// `Option`.
    pub(super) fn narrowed_var(&self, name: &str) -> Option<Code> {
        let (_, ty) = self.narrowed.iter().rev().find(|(v, _)| v == name)?;
        let mut c = Code::new(ident(name), ty.clone(), 10);
        c.str_ref = *ty == Ty::Str;
        Some(c)
    }

    /// `e` written where `name` is its value of type `ty`.
    fn with_value(&mut self, name: &str, ty: &Ty, e: &Expr) -> Code {
        self.narrowed.push((name.to_string(), ty.clone()));
        let c = self.expr(e);
        self.narrowed.pop();
        c
    }

    /// The `Option` `x` as a closure takes its value: itself for a `Copy`
    /// value, `as_deref()` for a string, `as_ref()` for the rest.
    fn option_of(&self, x: &str, t: &Ty) -> String {
        let option = self.var_code(x).wrap(10);
        match t {
            _ if t.is_copy() => option,
            Ty::Str => format!("{option}.as_deref()"),
            _ => format!("{option}.as_ref()"),
        }
    }

    /// `x and b` of a variable `x` holding an `Option` of `t`: `None`
    /// stays `None`, a false value is itself, a true one gives `b`.
    pub(super) fn and_then_value(&mut self, x: &str, t: &Ty, b: &Expr) -> Code {
        let option = self.option_of(x, t);
        let value = self.with_value(x, t, b);
        let value = match t {
            Ty::Float => value.as_f64().text,
            _ => value.owned(),
        };
        let own = Code::new(ident(x), t.clone(), 10);
        let test = own.truthy();
        let own = match t {
            Ty::Str => format!("{}.to_string()", ident(x)),
            _ if t.is_copy() => ident(x),
            _ => format!("{}.clone()", ident(x)),
        };
        let test = match t {
            // A `bool` is its own truth.
            Ty::Bool => ident(x),
            _ => test.text,
        };
        let text = format!(
            "{option}.map(|{}| if {test} {{ {value} }} else {{ {own} }})",
            ident(x)
        );
        let mut c = Code::new(text, Ty::Option(Box::new(t.clone())), 10);
        c.fresh = true;
        c
    }

    /// `a if x is not None else b` (or `b if x is None else a`) of a
    /// variable `x` that may be `None`: `x.unwrap_or(b)` when `a` is `x`,
    /// else `x.map_or(b, |x| a)`.
    pub(super) fn if_some_value(&mut self, c: &Expr, a: &Expr, b: &Expr) -> Option<Code> {
        let (x, t, with, without) = if_some(self.types, &self.func, c, a, b)?;
        let ty = if_some_ty(self.types, &self.func, c, a, b)?;
        if ty != t {
            return None;
        }
        let other = self.expr(without);
        let default = match t {
            Ty::Float => other.as_f64().text,
            Ty::Str if other.text.starts_with('"') => other.text.clone(),
            _ => other.owned(),
        };
        let option = self.option_of(x, &t);
        let (text, str_ref) = if is_var(with, x) {
            // A string borrowed out of the `Option` beside a literal stays
            // a `&str`; beside a `String` it is one too.
            match (&t, other.text.starts_with('"')) {
                (Ty::Str, true) => (
                    format!("{option}.{}", or_default("unwrap_or", &default)),
                    true,
                ),
                (Ty::Str, false) => (
                    format!("{option}.map_or_else(|| {default}, String::from)"),
                    false,
                ),
                _ if t.is_copy() => (
                    format!("{option}.{}", or_default("unwrap_or", &default)),
                    false,
                ),
                _ => (
                    format!("{option}.cloned().{}", or_default("unwrap_or", &default)),
                    false,
                ),
            }
        } else {
            let value = self.with_value(x, &t, with);
            let value = match t {
                Ty::Float => value.as_f64().text,
                _ => value.owned(),
            };
            let default = match t {
                Ty::Str => other.owned(),
                _ => default,
            };
            let text = match default.contains('(') || !t.is_copy() {
                true => format!("{option}.map_or_else(|| {default}, |{}| {value})", ident(x)),
                false => format!("{option}.map_or({default}, |{}| {value})", ident(x)),
            };
            (text, false)
        };
        let mut out = Code::new(text, t, 10);
        out.str_ref = str_ref;
        out.fresh = !str_ref;
        Some(out)
    }
}
