//! `async with asyncio.timeout(delay):` — a block under a deadline. The
//! Rust listing makes the block one `async` future and runs it under Tokio's
//! `timeout`: at the deadline the future is dropped (its cleanup runs in
//! `Drop`), and `Elapsed` is the program's `TimeoutError`, handled by the
//! `except TimeoutError:` around the block or going on up.

use super::scope::Scope;
use super::stmt::{Step, one, one_arg};
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module, StmtKind as P};
use crate::render::plan::ir::ast::{Stmt, StmtKind};

const DEADLINE: &str = "the Rust listing runs the block as one `async` future under Tokio's \
                        `timeout`: it translates `async with asyncio.timeout(delay):` without \
                        `as`, around statements that do not `return`, `break`, `continue`, \
                        `raise` or assign variables";

impl Planner<'_> {
    /// Whether `e` is `asyncio.timeout(...)`.
    pub(super) fn is_deadline(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Call(f, _) if self.is_member(f, Module::Asyncio, "timeout"))
    }

    /// `async with asyncio.timeout(delay): body` (the statement `s`), with
    /// the body of the `except TimeoutError:` around it, if any; without
    /// one, the timeout raises `TimeoutError()`.
    pub(super) fn deadline(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        on_timeout: Option<&[py::Stmt]>,
    ) -> Result<Step> {
        let P::With {
            is_async: true,
            item,
            body,
        } = &s.kind
        else {
            unreachable!("called for `async with`")
        };
        let E::Call(_, args) = &item.context.kind else {
            unreachable!("is_deadline found a call")
        };
        let Some(delay) = one_arg(args) else {
            return refuse(
                &item.context.span,
                "these arguments of `asyncio.timeout`",
                DEADLINE,
            );
        };
        if matches!(delay.kind, E::Literal(crate::program::Literal::None)) {
            return refuse(&delay.span, "`asyncio.timeout(None)`", DEADLINE);
        }
        if item.target.is_some() {
            return refuse(&item.context.span, "`asyncio.timeout(...) as`", DEADLINE);
        }
        let mut bad = None;
        crate::program::walk(body, &mut |b| {
            if bad.is_none()
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
                bad = Some(b.span.clone());
            }
        });
        if let Some(span) = bad {
            return refuse(&span, "this statement under `asyncio.timeout`", DEADLINE);
        }
        let on_timeout = match on_timeout {
            Some(block) => self.block(sc, block)?,
            None => vec![Stmt {
                id: s.id,
                span: s.span.clone(),
                kind: StmtKind::Raise {
                    class: "TimeoutError".into(),
                    message: None,
                },
            }],
        };
        let kind = StmtKind::Deadline {
            delay: self.expr(sc, delay)?,
            body: self.block(sc, body)?,
            on_timeout,
        };
        one(s, kind)
    }
}
