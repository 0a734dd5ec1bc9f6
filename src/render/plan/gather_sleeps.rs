//! `asyncio.gather(*[asyncio.sleep(d, result=v) for x in xs])`: each sleep
//! with a result is a future of its own (an `async` block that sleeps, then
//! gives `v`), gathered with the others in the list's order.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, expr_mut};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name, Target};
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// The built-ins a sleep's delay or result may call: they act on nothing.
const PURE: &[&str] = &[
    "len", "str", "int", "float", "abs", "min", "max", "round", "repr",
];

impl Planner<'_> {
    /// The list `xs` of `asyncio.gather(*xs)` when it is a comprehension of
    /// sleeps with a result; `None` for another list.
    pub(super) fn gathered_sleeps(&self, sc: &Scope, xs: &py::Expr) -> Result<Option<Expr>> {
        let E::Comprehension(c) = &xs.kind else {
            return Ok(None);
        };
        let ([g], false) = (c.generators.as_slice(), c.is_async) else {
            return Ok(None);
        };
        if !g.ifs.is_empty() || !matches!(c.kind, py::CompKind::List | py::CompKind::Generator) {
            return Ok(None);
        }
        let E::Call(f, args) = &c.element.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "sleep") {
            return Ok(None);
        }
        let (delay, value) = match args.as_slice() {
            [Arg::Positional(d), Arg::Positional(v)] => (d, v),
            [Arg::Positional(d), Arg::Keyword(k, v)] if &**k == "result" => (d, v),
            _ => return Ok(None),
        };
        let mut bound = Vec::new();
        names_of(&g.target, &mut bound);
        for part in [delay, value] {
            if !pure(part, &bound) {
                return refuse(
                    &part.span,
                    "this argument of a gathered `asyncio.sleep`",
                    "the Rust listing's future (an `async move` block) works the delay and the \
                     result out when it starts: they may read the comprehension's variables \
                     and call len, str, int, float, abs, min, max, round and repr only",
                );
            }
        }
        let var = self.loop_pattern(sc, &g.target, &xs.span)?;
        let slept = Expr {
            kind: ExprKind::Slept(
                Box::new(self.expr(sc, delay)?),
                Box::new(self.expr(sc, value)?),
            ),
            span: c.element.span.clone(),
        };
        Ok(Some(Expr {
            kind: ExprKind::Comp {
                value: Box::new(slept),
                var,
                over: Box::new(self.expr(sc, &g.iter)?),
                filter: None,
            },
            span: xs.span.clone(),
        }))
    }
}

/// The names a comprehension's `for` binds.
fn names_of(t: &Target, out: &mut Vec<String>) {
    match t {
        Target::Name(n) => out.push(n.ident().to_string()),
        Target::Unpack(items, _) => items.iter().for_each(|t| names_of(t, out)),
        Target::Attr(..) | Target::Subscript(..) => {}
    }
}

/// Whether `e` only reads the variables `bound` and calls the built-ins of
/// [`PURE`].
pub(super) fn pure(e: &py::Expr, bound: &[String]) -> bool {
    struct Check<'a>(bool, &'a [String]);
    impl VisitMut for Check<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            self.0 &= match &e.kind {
                E::Call(f, _) => {
                    matches!(&f.kind, E::Name(Name::Global(n)) if PURE.contains(&&**n))
                }
                E::Name(Name::Global(n)) => PURE.contains(&&**n),
                E::Name(n) => self.1.iter().any(|b| **b == **n.ident()),
                E::Await(_)
                | E::Yield(_)
                | E::YieldFrom(_)
                | E::Named(..)
                | E::Attr(..)
                | E::Lambda { .. }
                | E::Comprehension(_) => false,
                _ => true,
            };
        }
    }
    let mut check = Check(true, bound);
    expr_mut(&mut e.clone(), &mut check);
    check.0
}
