//! `try` statements: cancellation cleanup (`except asyncio.CancelledError`,
//! `finally`) and the `try` around `asyncio.wait_for`.

use super::scope::Scope;
use super::stmt::{Step, one};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{FunctionKind, Stmt, StmtKind};

impl Planner<'_> {
    /// `try` with `except asyncio.CancelledError` and `finally`, or around
    /// `asyncio.wait_for` with `except TimeoutError`.
    pub(super) fn try_(&self, sc: &mut Scope, s: &py::Stmt) -> Result<Step> {
        let P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } = &s.kind
        else {
            unreachable!("called for a try")
        };
        if handlers.iter().any(|h| h.star) {
            return refuse(
                &s.span,
                "`except*`",
                "the Rust listing has no exception groups",
            );
        }
        if !orelse.is_empty() {
            return refuse(
                &s.span,
                "`try ... else`",
                "the Rust listing's `try` has a body, a cancellation handler and `finally`",
            );
        }
        let class_is = |h: &py::Handler, m: &str| {
            h.class.as_ref().is_some_and(|c| {
                self.is_member(c, Module::Asyncio, m)
                    || matches!(&c.kind, E::Name(Name::Global(n)) if m == "TimeoutError" && &**n == m)
            })
        };
        if let [h] = handlers.as_slice()
            && class_is(h, "TimeoutError")
            && finalbody.is_empty()
            && h.name.is_none()
        {
            if let [
                inner @ py::Stmt {
                    kind:
                        P::With {
                            is_async: true,
                            item,
                            ..
                        },
                    ..
                },
            ] = body.as_slice()
                && self.is_deadline(&item.context)
            {
                return self.deadline(sc, inner, Some(&h.body));
            }
            return self.wait_for(sc, s, body, h);
        }
        let mut on_cancel: &[py::Stmt] = &[];
        for h in handlers {
            if let (Some(n), Some(c)) = (&h.name, &h.class) {
                return refuse(
                    &h.span,
                    format!("`except {} as {}`", self.text(&c.span), n.ident()),
                    "the Rust listing passes an exception on as an `Err` with `?`, but does not \
                     catch one yet (a `match` on the `Result` of the `try` block)",
                );
            }
            if !class_is(h, "CancelledError") || handlers.len() > 1 {
                let what = match &h.class {
                    Some(c) => format!("`except {}`", self.text(&c.span)),
                    None => "a bare `except:`".into(),
                };
                return refuse(
                    &h.span,
                    what,
                    "the Rust listing passes an exception on as an `Err` with `?`, but catches only \
                     `asyncio.CancelledError` (a dropped future in Tokio) and `TimeoutError` \
                     around `asyncio.wait_for` (a `timeout` error)",
                );
            }
            on_cancel = match h.body.split_last() {
                Some((last, init))
                    if matches!(
                        last.kind,
                        P::Raise {
                            exc: None,
                            cause: None
                        }
                    ) =>
                {
                    init
                }
                Some((last, _)) if matches!(last.kind, P::Return(_)) => &h.body,
                _ => {
                    return refuse(
                        &h.span,
                        "an `except asyncio.CancelledError` that goes on",
                        "the plan's cancellation handler ends the function, as Tokio's dropped \
                         future does: end it with `raise` (or `return`)",
                    );
                }
            };
        }
        let kind = StmtKind::Try {
            body: self.block(sc, body)?,
            on_cancel: self.block(sc, on_cancel)?,
            finally: self.block(sc, finalbody)?,
        };
        one(s, kind)
    }

    /// `try: [into =] await asyncio.wait_for(call, timeout=...); body
    /// except TimeoutError: on_timeout`, named by the statement that awaits.
    pub(super) fn wait_for(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        body: &[py::Stmt],
        h: &py::Handler,
    ) -> Result<Step> {
        let Some((first, rest)) = body.split_first() else {
            unreachable!("a try has a body")
        };
        let (awaited, into) = match &first.kind {
            P::Expr(e) => (e, None),
            P::Assign { targets, value } if targets.len() == 1 => {
                (value, Some(self.target(sc, &targets[0], &first.span)?))
            }
            _ => return self.not_wait_for(first),
        };
        let E::Await(inner) = &awaited.kind else {
            return self.not_wait_for(first);
        };
        let E::Call(f, args) = &inner.kind else {
            return self.not_wait_for(first);
        };
        if !self.is_member(f, Module::Asyncio, "wait_for") {
            return self.not_wait_for(first);
        }
        let (call, timeout) = match args.as_slice() {
            [Arg::Positional(c), Arg::Keyword(k, t)] if &**k == "timeout" => (c, t),
            [Arg::Positional(c), Arg::Positional(t)] => (c, t),
            _ => return self.not_wait_for(first),
        };
        let Some(call) = self.user_call(sc, call, &[FunctionKind::Coroutine])? else {
            return self.not_wait_for(first);
        };
        let kind = StmtKind::WaitFor {
            call,
            timeout: self.expr(sc, timeout)?,
            into,
            body: self.block(sc, rest)?,
            on_timeout: self.block(sc, &h.body)?,
        };
        let stmt = Stmt {
            id: first.id,
            span: s.span.clone(),
            kind,
        };
        Ok((Some(stmt), 1))
    }

    pub(super) fn not_wait_for<T>(&self, first: &py::Stmt) -> Result<T> {
        refuse(
            &first.span,
            "`except TimeoutError` around this",
            "the Rust listing translates `try: x = await asyncio.wait_for(f(...), timeout=...)` \
             first, then `except TimeoutError:`",
        )
    }
}
