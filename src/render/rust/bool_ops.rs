//! `and` / `or`: a test (`&&`, `||`) where Python only asks for the truth
//! (`if`, `while`, `not`, a filter), and the operand Python returns where
//! the value is kept: `if x != 0 { x } else { default }` for two values of
//! one type, `name.filter(|v| !v.is_empty()).unwrap_or(default)` for a
//! value that may be `None`. Operands of two types, which Python returns
//! either of, are refused at their place.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::primitive::PrimOp;
use std::collections::HashSet;

/// How the listing keeps the value of `a and b` / `a or b`.
enum Kept {
    /// Two booleans: `&&` / `||` give the operand Python gives.
    Bools,
    /// Two values of one type, the left one named: an `if` on its truth.
    Branch,
    /// `x or default` of an `x` that may be `None`.
    OrDefault,
    /// `x and f(x)` of a variable `x` that may be `None`, `f(x)` of the
    /// value's type.
    AndThen,
    /// `xs and y` of a list that is always empty: `xs` itself.
    Empty,
}

/// Whether Python's truth of a value of `t` is a test the listing writes.
fn testable(t: &Ty) -> bool {
    matches!(
        t,
        Ty::Int | Ty::Float | Ty::Str | Ty::Bool | Ty::List(_) | Ty::Dict(..)
    ) && !matches!(t, Ty::List(x) if **x == Ty::Unknown)
}

/// The type of `a op b` (`and` or `or`) kept as a value: the operands'
/// one type, or the default's of `x or default` with `x` an `Option`.
pub(super) fn value_ty(op: BinaryOp, a: Ty, b: Ty) -> Ty {
    match (a, b) {
        (Ty::Option(t), b) if op == BinaryOp::Or => merged(&t, &b),
        (Ty::Option(t), b) => merged(&t, &b)
            .filter(|m| *m == *t)
            .map(|m| Ty::Option(Box::new(m))),
        (a, b) => merged(&a, &b),
    }
    // Refused where the value is kept (see `kept_values`).
    .unwrap_or(Ty::Unknown)
}

/// The one type of two values, where one may be partly unknown (`[]`
/// beside `["x"]`).
fn merged(a: &Ty, b: &Ty) -> Option<Ty> {
    match (a, b) {
        (Ty::Unknown, t) | (t, Ty::Unknown) => Some(t.clone()),
        (Ty::List(x), Ty::List(y)) => Some(Ty::List(Box::new(merged(x, y)?))),
        (Ty::Dict(k, v), Ty::Dict(k2, v2)) => {
            Some(Ty::Dict(Box::new(merged(k, k2)?), Box::new(merged(v, v2)?)))
        }
        (a, b) => (a == b).then(|| a.clone()),
    }
}

/// How `a op b` keeps its value, or what stops it (construct, reason).
fn kept(op: BinaryOp, a: &Expr, ta: &Ty, tb: &Ty, empty: bool) -> Result<Kept, (String, String)> {
    let word = if op == BinaryOp::And { "and" } else { "or" };
    match (ta, tb) {
        (Ty::List(_), _) if op == BinaryOp::And && empty => Ok(Kept::Empty),
        (Ty::Bool, Ty::Bool) => Ok(Kept::Bools),
        (Ty::Option(t), b) if op == BinaryOp::Or && **t == *b && testable(b) => Ok(Kept::OrDefault),
        (Ty::Option(t), b)
            if op == BinaryOp::And
                && matches!(a.kind, ExprKind::Var(_))
                && merged(t, b).is_some_and(|m| m == **t && testable(&m)) =>
        {
            Ok(Kept::AndThen)
        }
        (Ty::Option(_), _) => Err((
            format!("an `{word}` of a value that may be `None`"),
            "the Rust listing keeps `x or default` of an `Option` of the default's type \
             (`x.filter(..).unwrap_or(default)`) and `x and f(x)` of a variable with `f(x)` \
             of the value's type (`x.map(..)`); test `x is None` in an `if` for the rest"
                .into(),
        )),
        (a_ty, b_ty) if merged(a_ty, b_ty).is_some_and(|t| testable(&t)) => match a.kind {
            ExprKind::Var(_) => Ok(Kept::Branch),
            _ => Err((
                format!("an `{word}` whose left operand is computed"),
                format!(
                    "the Rust listing tests the left operand and then gives it back: name \
                     it first (`x = ...`), then write `x {word} ...`"
                ),
            )),
        },
        _ => Err((
            match (ta.noun(), tb.noun()) {
                (a, b) if a == b => format!("an `{word}` of {a} and {b} of another type"),
                (a, b) => format!("an `{word}` of {a} and {b}"),
            },
            "Python's `and`/`or` gives back one of its operands, of either type, where a \
             Rust value has one type; test the truth in an `if` and give each branch a value \
             of one type"
                .into(),
        )),
    }
}

/// Whether `a` is a local list that is always empty.
fn empty_var(body: &Block, a: &Expr) -> bool {
    matches!(&a.kind, ExprKind::Var(v) if super::empty_lists::always_empty(body, v))
}

/// Every `and`/`or` of `demo` whose value is kept and has no one Rust
/// type (or no faithful form).
pub(super) fn kept_values(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let mut tests: HashSet<*const Expr> = HashSet::new();
            match &s.kind {
                StmtKind::If { cond, .. } | StmtKind::While { cond, .. } => {
                    tests.insert(cond);
                }
                StmtKind::Collect {
                    filter: Some(x), ..
                }
                | StmtKind::PrimCall {
                    op: PrimOp::WaitUntil,
                    arg: Some(x),
                    ..
                } => {
                    tests.insert(x);
                }
                _ => {}
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    let tested = tests.contains(&(x as *const Expr));
                    match &x.kind {
                        ExprKind::IfElse(c, ..) => {
                            tests.insert(&**c);
                        }
                        ExprKind::Unary(UnaryOp::Not, c) => {
                            tests.insert(&**c);
                        }
                        ExprKind::Comp {
                            filter: Some(c), ..
                        } => {
                            tests.insert(&**c);
                        }
                        ExprKind::Binary(op @ (BinaryOp::And | BinaryOp::Or), a, b) => {
                            if tested {
                                tests.insert(&**a);
                                tests.insert(&**b);
                                return;
                            }
                            let ta = types.expr_ty(&f.name, a);
                            let tb = types.expr_ty(&f.name, b);
                            let empty = empty_var(&f.body, a);
                            if let Err((construct, reason)) = kept(*op, a, &ta, &tb, empty) {
                                out.push(Untranslatable {
                                    span: x.span.clone(),
                                    construct,
                                    reason,
                                });
                            }
                        }
                        _ => {}
                    }
                });
            }
        });
    }
    out
}

impl Renderer<'_> {
    /// Python's truth of `e` as a Rust `bool`: `and`/`or` test each
    /// operand's truth.
    pub(super) fn test(&mut self, e: &Expr) -> Code {
        match &e.kind {
            ExprKind::Binary(op @ (BinaryOp::And | BinaryOp::Or), a, b) => {
                let (a, b) = (self.test(a), self.test(b));
                let (sym, prec) = match op {
                    BinaryOp::And => ("&&", 2),
                    _ => ("||", 1),
                };
                let text = format!("{} {sym} {}", a.wrap(prec), b.wrap(prec));
                Code::new(text, Ty::Bool, prec)
            }
            _ => self.expr(e).truthy(),
        }
    }

    /// `a and b` / `a or b` kept as a value: the operand Python returns.
    pub(super) fn kept_bool_op(&mut self, op: BinaryOp, a: &Expr, b: &Expr) -> Code {
        let (x, y) = (self.expr(a), self.expr(b));
        let empty = (self.demo.functions.iter())
            .find(|f| f.name == self.func)
            .is_some_and(|f| empty_var(&f.body, a));
        match kept(op, a, &x.ty, &y.ty, empty) {
            Ok(Kept::Empty) => {
                let mut out = Code::new(x.owned(), x.ty, 10);
                out.fresh = true;
                out
            }
            Ok(Kept::Branch) => {
                let test = x.truthy();
                let ty = merged(&x.ty, &y.ty).unwrap_or(Ty::Unknown);
                // A `String` variable is cloned, a `&str` made owned.
                let x = match x.ty {
                    Ty::Str if !x.str_ref && !x.fresh => format!("{}.clone()", x.wrap(10)),
                    _ => x.owned(),
                };
                let y = y.owned();
                let (then, otherwise) = match op {
                    BinaryOp::And => (y, x),
                    _ => (x, y),
                };
                let mut out = Code::new(
                    format!("if {} {{ {then} }} else {{ {otherwise} }}", test.text),
                    ty.clone(),
                    0,
                );
                out.fresh = !ty.is_copy();
                out
            }
            Ok(Kept::OrDefault) => {
                let Ty::Option(t) = x.ty.clone() else {
                    unreachable!("matched an `Option` above")
                };
                let copy = t.is_copy();
                let value = if copy { "&v" } else { "v" };
                let truth = Code::new("v", (*t).clone(), 10).truthy();
                let option = if copy || x.fresh {
                    x.wrap(10)
                } else {
                    format!("{}.clone()", x.wrap(10))
                };
                let default = y.owned();
                let unwrap = if default.contains('(') {
                    format!("unwrap_or_else(|| {default})")
                } else {
                    format!("unwrap_or({default})")
                };
                let filter = match *t {
                    Ty::Bool => format!(".filter(|{value}| v)"),
                    _ => format!(".filter(|{value}| {})", truth.text),
                };
                let mut out = Code::new(format!("{option}{filter}.{unwrap}"), (*t).clone(), 10);
                out.fresh = !copy;
                out
            }
            Ok(Kept::AndThen) => match (&a.kind, x.ty) {
                (ExprKind::Var(v), Ty::Option(t)) => self.and_then_value(v, &t, b),
                _ => unreachable!("matched a variable's `Option` above"),
            },
            // Two booleans, and what the plan's checks refuse.
            _ => self.binary(op, x, y),
        }
    }
}
