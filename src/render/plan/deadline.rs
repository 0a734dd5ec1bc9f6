//! `async with asyncio.timeout(delay):` — a block under a deadline (or
//! `asyncio.timeout_at(loop.time() + delay)`, under Tokio's `timeout_at`). The
//! Rust listing makes the block one `async` future and runs it under Tokio's
//! `timeout`: at the deadline the future is dropped (its cleanup runs in
//! `Drop`), and `Elapsed` is the program's `TimeoutError`, handled by the
//! `except TimeoutError:` around the block or going on up.

use super::scope::Scope;
use super::stmt::{Step, local_name, method_call, one, one_arg};
use super::timeout_cm::{Cm, CmState};
use super::try_stmt::Caught;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module, StmtKind as P};
use crate::render::plan::ir::ast::{Stmt, StmtKind};

const DEADLINE: &str = "the Rust listing runs the block as one `async` future under Tokio's \
                        `timeout`: it translates `async with asyncio.timeout(delay):` without \
                        `as`, around statements that do not `return`, `break`, `continue`, \
                        `raise` or assign variables; and `asyncio.timeout_at(loop.time() + \
                        delay)`, under `timeout_at`";

impl Planner<'_> {
    /// Whether `e` is `asyncio.timeout(...)` or `asyncio.timeout_at(...)`.
    pub(super) fn is_deadline(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Call(f, _) if self.is_member(f, Module::Asyncio, "timeout")
            || self.is_member(f, Module::Asyncio, "timeout_at"))
    }

    /// `delay` of `loop.time() + delay`, the loop's clock read in place.
    fn delay_from_now<'e>(&self, sc: &Scope, when: &'e py::Expr) -> Option<&'e py::Expr> {
        let E::BinOp(py::BinOp::Add, now, delay) = &when.kind else {
            return None;
        };
        let obj = method_call(now, "time")?;
        (self.is_member_call(obj, "get_running_loop")
            || local_name(obj).is_some_and(|l| sc.loops.iter().any(|x| x == l)))
        .then_some(&**delay)
    }

    /// `async with asyncio.timeout(delay): body` (the statement `s`), with
    /// the `except TimeoutError [as e]:` around it, if any; without one,
    /// the timeout raises `TimeoutError()`.
    pub(super) fn deadline(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        handler: Option<&py::Handler>,
    ) -> Result<Step> {
        let P::With {
            is_async: true,
            item,
            body,
        } = &s.kind
        else {
            unreachable!("called for `async with`")
        };
        let E::Call(f, args) = &item.context.kind else {
            unreachable!("is_deadline found a call")
        };
        let at = self.is_member(f, Module::Asyncio, "timeout_at");
        let delay = match one_arg(args) {
            Some(when) if at => match self.delay_from_now(sc, when) {
                Some(delay) => Some(delay),
                None => {
                    return refuse(
                        &when.span,
                        "this deadline of `asyncio.timeout_at`",
                        "the Rust listing's deadline is an `Instant`: it translates \
                         `asyncio.timeout_at(loop.time() + delay)`, the loop's clock read in place",
                    );
                }
            },
            other => other,
        };
        let Some(delay) = delay else {
            return refuse(
                &item.context.span,
                "these arguments of `asyncio.timeout`",
                DEADLINE,
            );
        };
        let unbounded = matches!(delay.kind, E::Literal(crate::program::Literal::None));
        if unbounded && handler.is_some() {
            return refuse(
                &delay.span,
                "`asyncio.timeout(None)` inside `try ... except TimeoutError`",
                "a timeout without a deadline never raises `TimeoutError`: the Rust listing \
                 runs its block as it is, without that `try`",
            );
        }
        let cm = self.timeout_target(sc, s)?;
        let when = match &cm {
            Some(name) => self.timeout_when(sc, s, name, delay)?,
            None => None,
        };
        if !unbounded && let Some(span) = leaves_or_assigns(body) {
            return refuse(&span, "this statement under `asyncio.timeout`", DEADLINE);
        }
        if let Some(name) = &cm {
            let when = when.as_ref().map(|(v, _)| v.clone());
            let state = CmState::Active;
            sc.timeouts.insert(name.clone(), Cm { when, state });
        }
        let planned = self.block(sc, body);
        if let Some(c) = cm.as_ref().and_then(|name| sc.timeouts.get_mut(name)) {
            c.state = CmState::Expired;
        }
        let body = planned?;
        let on_timeout = match handler {
            _ if unbounded => Vec::new(),
            Some(h) => {
                // `except TimeoutError as e`: the deadline's exception,
                // without a message.
                sc.caught.push(Caught {
                    name: h.name.as_ref().map(|n| n.ident().to_string()),
                    classes: vec!["TimeoutError".into()],
                    class: Some("TimeoutError".into()),
                    text: Some(String::new()),
                    args_shown: Vec::new(),
                    reraised: false,
                });
                let error = h.name.as_ref().map(|n| n.ident().to_string());
                sc.deadline_errors.extend(error.clone());
                let block = self.block(sc, &h.body);
                sc.caught.pop();
                if error.is_some() {
                    sc.deadline_errors.pop();
                }
                block?
            }
            None => vec![Stmt {
                id: s.id,
                span: s.span.clone(),
                kind: StmtKind::Raise {
                    class: "TimeoutError".into(),
                    message: None,
                },
            }],
        };
        // After the block: finished, or, where a handler took the
        // deadline's `TimeoutError`, either.
        let expired = match (&cm, handler) {
            (Some(name), Some(_)) => Some(self.fresh_name(&format!("{name}_expired"))),
            _ => None,
        };
        if let Some(c) = cm.as_ref().and_then(|name| sc.timeouts.get_mut(name)) {
            c.state = match &expired {
                Some(v) => CmState::Kept(v.clone()),
                None => CmState::Finished,
            };
        }
        let kind = StmtKind::Deadline {
            delay: (!unbounded).then(|| self.expr(sc, delay)).transpose()?,
            at,
            body,
            on_timeout,
            when,
            expired,
        };
        one(s, kind)
    }
}

/// The first statement of `body` (nested ones too) that leaves it
/// (`return`, `break`, `continue`, `raise`) or assigns a variable: what a
/// block run as one future inside `timeout` or `select!` cannot hold.
pub(super) fn leaves_or_assigns(body: &[py::Stmt]) -> Option<crate::program::Span> {
    let mut found = None;
    crate::program::walk(body, &mut |b| {
        if found.is_none()
            && matches!(
                b.kind,
                P::Return(_)
                    | P::Break
                    | P::Continue
                    | P::Raise { .. }
                    | P::Assign { .. }
                    | P::AugAssign { .. }
            )
        {
            found = Some(b.span.clone());
        }
    });
    found
}
