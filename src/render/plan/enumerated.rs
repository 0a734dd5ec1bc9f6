//! `for n, fut in enumerate(asyncio.as_completed(tasks), start=k)`: the
//! `as_completed` loop with a counter, which the Rust listing counts by
//! hand (`let mut n = k - 1;` before the loop, `n += 1` first in it).

use super::completed_deadline::split_timeout;
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, Target};
use crate::render::plan::ir::ast::{Block, Stmt, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// The parts of the iterable of an `as_completed` loop.
pub(super) struct Completed<'a> {
    /// The arguments of `asyncio.as_completed(...)`.
    pub(super) args: &'a [Arg],
    /// The counter's variable and its `start`, under `enumerate`.
    pub(super) count: Option<(&'a Target, Option<&'a py::Expr>)>,
    /// The variable bound to each awaitable.
    pub(super) fut: &'a Target,
    /// The `timeout=` of `as_completed` (see `plan::completed_deadline`).
    pub(super) timeout: Option<&'a py::Expr>,
}

impl Planner<'_> {
    /// `for fut in asyncio.as_completed(...)` or `for n, fut in
    /// enumerate(asyncio.as_completed(...)[, start=k])`; `None` for
    /// another loop.
    pub(super) fn completed<'a>(
        &self,
        target: &'a Target,
        iter: &'a py::Expr,
    ) -> Option<Completed<'a>> {
        let E::Call(f, args) = &iter.kind else {
            return None;
        };
        if self.is_member(f, Module::Asyncio, "as_completed") {
            let (args, timeout) = split_timeout(args);
            return Some(Completed {
                args,
                count: None,
                fut: target,
                timeout,
            });
        }
        let (E::Name(name), Target::Unpack(items, None)) = (&f.kind, target) else {
            return None;
        };
        let [n, fut] = items.as_slice() else {
            return None;
        };
        let (inner, start) = match args.as_slice() {
            [Arg::Positional(inner)] => (inner, None),
            [Arg::Positional(inner), Arg::Positional(s)] => (inner, Some(s)),
            [Arg::Positional(inner), Arg::Keyword(k, s)] if &**k == "start" => (inner, Some(s)),
            _ => return None,
        };
        let E::Call(g, args) = &inner.kind else {
            return None;
        };
        let (args, timeout) = split_timeout(args);
        (&**name.ident() == "enumerate"
            && matches!(n, Target::Name(_))
            && self.is_member(g, Module::Asyncio, "as_completed"))
        .then_some(Completed {
            args,
            count: Some((n, start)),
            fut,
            timeout,
        })
    }
}

/// `start - 1` where `start` is an int literal.
fn before_start(start: Option<&py::Expr>) -> Option<i64> {
    match start {
        None => Some(-1),
        Some(e) => match &e.kind {
            E::Literal(Literal::Int(k)) => k.checked_sub(1),
            _ => None,
        },
    }
}

impl Planner<'_> {
    /// The counter of an enumerated `as_completed` loop whose body is
    /// planned: `n = start - 1` goes before the loop and `n = n + 1` first
    /// in `body`.
    pub(super) fn count_completions(
        &self,
        sc: &mut Scope,
        count: Option<(&Target, Option<&py::Expr>)>,
        head: &py::Stmt,
        body: &mut Block,
    ) -> Result<()> {
        let Some((n, start)) = count else {
            return Ok(());
        };
        let Some(k) = before_start(start) else {
            return refuse(
                &head.span,
                "this `start` of `enumerate`",
                "the Rust listing counts an `as_completed` loop from a number written in it",
            );
        };
        let var = self.loop_var(sc, n, &head.span)?;
        let read = Expr {
            kind: ExprKind::Var(var.clone()),
            span: head.span.clone(),
        };
        let next = Expr {
            kind: ExprKind::Binary(
                BinaryOp::Add,
                Box::new(read),
                Box::new(Expr::lit(Value::Int(1))),
            ),
            span: head.span.clone(),
        };
        body.insert(
            0,
            Stmt {
                id: head.id,
                span: head.span.clone(),
                kind: StmtKind::Set {
                    var: var.clone(),
                    value: next,
                },
            },
        );
        self.lifted.borrow_mut().push(StmtKind::Set {
            var,
            value: Expr::lit(Value::Int(k)),
        });
        Ok(())
    }
}
