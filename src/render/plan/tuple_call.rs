//! `tuple(...)` of a literal whose items the listing can count: a list or
//! tuple literal is the Rust tuple of its items, a string literal the tuple
//! of its characters. A Rust tuple's length is part of its type, so
//! `tuple(xs)` of a variable, whose length is known only when it runs, is
//! refused.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// The most items a tuple made by `tuple(...)` may have: the listing's
/// `Repr` trait prints tuples up to this length.
const MOST: usize = 3;

impl Planner<'_> {
    /// `tuple([a, b])`, `tuple((a, b))` or `tuple("ab")` as a tuple; refused
    /// for another argument; `None` for another call.
    pub(super) fn tuple_call(
        &self,
        sc: &Scope,
        e: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let E::Name(Name::Global(n)) = &f.kind else {
            return Ok(None);
        };
        if &**n != "tuple" || self.defs.contains_key("tuple") {
            return Ok(None);
        }
        let items = match args {
            [Arg::Positional(x)] => match &x.kind {
                E::List(items) | E::Tuple(items) if (1..=MOST).contains(&items.len()) => items
                    .iter()
                    .map(|i| self.expr(sc, i))
                    .collect::<Result<Vec<_>>>()?,
                E::Literal(Literal::Str(s)) if (1..=MOST).contains(&s.chars().count()) => s
                    .chars()
                    .map(|c| Expr::lit(Value::Str(c.to_string().into())))
                    .collect(),
                _ => return self.refuse_tuple(e),
            },
            _ => return self.refuse_tuple(e),
        };
        Ok(Some(ExprKind::Tuple(items)))
    }

    /// Whether `e` is `tuple()`, or `tuple` of an empty list, tuple or
    /// string literal: the empty tuple, which `print` shows as its text.
    pub(super) fn empty_tuple_call(&self, e: &py::Expr) -> bool {
        let E::Call(f, args) = &e.kind else {
            return false;
        };
        let empty = |x: &py::Expr| match &x.kind {
            E::List(items) | E::Tuple(items) => items.is_empty(),
            E::Literal(Literal::Str(s)) => s.is_empty(),
            _ => false,
        };
        matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "tuple")
            && !self.defs.contains_key("tuple")
            && match args.as_slice() {
                [] => true,
                [Arg::Positional(x)] => empty(x),
                _ => false,
            }
    }

    fn refuse_tuple<T>(&self, e: &py::Expr) -> Result<T> {
        if self.empty_tuple_call(e) {
            return refuse(
                &e.span,
                format!("the call `{}`", self.text(&e.span)),
                "it makes the empty tuple, and Rust's `()` is the listing's `None`, so an empty \
                 tuple kept, passed or held would print `None`; only `print(tuple())` is \
                 written, as its text",
            );
        }
        refuse(
            &e.span,
            format!("the call `{}`", self.text(&e.span)),
            "a Rust tuple's length is part of its type: the listing writes `tuple(...)` of a \
             list, tuple or string literal of 1 to 3 items, as the tuple of those items",
        )
    }
}
