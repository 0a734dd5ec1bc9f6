//! `future.cancel()` of a future of `asyncio.run_coroutine_threadsafe`
//! whose coroutine has surely started: after a wait of the future with a
//! timeout (`future.result(timeout=t)`, or in the handler of the `try`
//! that begins with it), and not since made again. The concurrent future
//! is cancelled as `cancel()` returns, and asyncio cancels the task on the
//! loop at its next step, where it awaits: the listing aborts the task,
//! which Tokio drops at its next turn, running the cleanup of its drop
//! guards (a coroutine that goes on after its cancellation, or awaits in
//! its cleanup, is refused). `cancel()` gives whether the task still ran,
//! `future.cancelled()` whether the abort came before its end, and
//! `try: future.result() except concurrent.futures.CancelledError: body`
//! runs `body` for a cancelled future and waits for the task otherwise.
//!
//! Before the coroutine's first step asyncio would still run it up to its
//! first `await`, where Tokio drops a task never polled: refused.

use super::scope::Scope;
use super::stmt::{Step, local_name, method_call, one};
use super::threadsafe::timed_result;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module, StmtKind as P};
use crate::render::plan::ir::ast::{Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind, TaskOp};
use std::ops::Range;

const NOT_STARTED: &str = "asyncio hands the cancel to the coroutine's task on the loop's next \
                           step, so a coroutine that has not started yet still runs up to its \
                           first `await`, where a Tokio task aborted before its first poll \
                           never runs: the Rust listing cancels the future after a wait of it \
                           with a timeout (`future.result(timeout=...)`), which lets its \
                           coroutine start";

impl Planner<'_> {
    /// `future.cancel()` or `future.cancelled()` of a future kept here,
    /// inside an expression; `None` for other calls.
    pub(super) fn threadsafe_state(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let Some(future) = self.kept_future(sc, e, "cancelled") {
            return Ok(Some(ExprKind::Cancelled(future)));
        }
        let Some(future) = self.kept_future(sc, e, "cancel") else {
            return Ok(None);
        };
        self.cancel_started(sc, e, &future)?;
        Ok(Some(ExprKind::Task(TaskOp::Cancel, future)))
    }

    /// `future.cancel()` of a future kept here, as a statement: the abort
    /// of its task; `None` for other statements.
    pub(super) fn threadsafe_cancel_stmt(
        &self,
        sc: &Scope,
        e: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let Some(future) = self.kept_future(sc, e, "cancel") else {
            return Ok(None);
        };
        self.cancel_started(sc, e, &future)?;
        Ok(Some(StmtKind::Cancel { task: future }))
    }

    /// The variable of `future.method()` when it keeps a future of
    /// `asyncio.run_coroutine_threadsafe`.
    fn kept_future(&self, sc: &Scope, e: &py::Expr, method: &str) -> Option<String> {
        let obj = method_call(e, method)?;
        let future = local_name(obj).filter(|f| sc.threadsafe.iter().any(|t| t == f))?;
        sc.local(future, &obj.span).ok()
    }

    /// Refuses the cancel `e` of `future` unless its coroutine has surely
    /// started and ends when cancelled, and it is the one cancel of it.
    fn cancel_started(&self, sc: &Scope, e: &py::Expr, future: &str) -> Result<()> {
        if let Some(coroutine) = sc.threadsafe_of.borrow().get(future).map(|k| k.coroutine())
            && (self.cancellable.contains(coroutine) || self.cancel_ends.contains_key(coroutine))
        {
            return refuse(
                &e.span,
                format!(
                    "`.cancel()` of a future of `run_coroutine_threadsafe` running `{coroutine}`"
                ),
                "its coroutine goes on after its cancellation, while the concurrent future is \
                 cancelled at once: the Rust listing aborts the task, which ends it at its next \
                 `.await`: not translated",
            );
        }
        if sc.depth > 0 {
            return refuse(
                &e.span,
                "`.cancel()` of a future of `run_coroutine_threadsafe` inside a loop",
                "a cancelled concurrent future says `True` to each later `cancel()`, where an \
                 aborted task's handle says it has finished: the Rust listing cancels a future \
                 once, outside loops",
            );
        }
        let cancels = self
            .program
            .source
            .matches(&format!("{future}.cancel()"))
            .count();
        if cancels > 1 {
            return refuse(
                &e.span,
                format!("a second `{future}.cancel()`"),
                "a cancelled concurrent future says `True` to each later `cancel()`, where an \
                 aborted task's handle says it has finished: the Rust listing cancels a future \
                 once",
            );
        }
        let started = self
            .body_around(e.span.start)
            .and_then(|body| started_at(self, body, e.span.start, future, false));
        if started != Some(true) {
            return refuse(
                &e.span,
                "`.cancel()` of a future of `run_coroutine_threadsafe` that may not have started",
                NOT_STARTED,
            );
        }
        Ok(())
    }

    /// Refuses a read of `future` at `span` after a `future.cancel()` of
    /// the same function: `result()` raises the cancellation then, where
    /// the aborted task's handle has no output to give.
    pub(super) fn read_after_cancel(&self, future: &str, span: &Range<usize>) -> Result<()> {
        let Some(before) = self
            .body_around(span.start)
            .and_then(|b| b.first())
            .and_then(|s| self.program.source.get(s.span.start..span.start))
        else {
            return Ok(());
        };
        let cancel = format!("{future}.cancel()");
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let cancelled = before
            .match_indices(&cancel)
            .any(|(i, _)| !before[..i].ends_with(word));
        if cancelled {
            return refuse(
                span,
                format!("a read of `{future}` after its `cancel()`"),
                "a cancelled concurrent future raises `CancelledError` at once, where the \
                 aborted task's handle gives no output: the Rust listing reads a cancelled \
                 future with `try: future.result() except concurrent.futures.CancelledError:`, \
                 `future.cancelled()` or `future.done()`",
            );
        }
        Ok(())
    }

    /// The body of the innermost function of the module around `pos`.
    pub(super) fn body_around(&self, pos: usize) -> Option<&[py::Stmt]> {
        fn find(block: &[py::Stmt], pos: usize) -> Option<&[py::Stmt]> {
            let mut found = None;
            py::walk(block, &mut |s| {
                if let P::Def { code, .. } = &s.kind
                    && s.span.contains(&pos)
                {
                    found = Some(find(&code.body, pos).unwrap_or(&code.body[..]));
                }
            });
            found
        }
        find(&self.program.module.body, pos)
    }

    /// Whether `s` waits for `future` with a timeout:
    /// `[x =] future.result(timeout=t)`.
    fn timed_wait_of(&self, s: &py::Stmt, future: &str) -> bool {
        let value = match &s.kind {
            P::Expr(e) => e,
            P::Assign { value, .. } => value,
            _ => return false,
        };
        timed_result(value).is_some_and(|(obj, _)| local_name(obj) == Some(future))
    }

    /// Whether `s` sets a new future of `run_coroutine_threadsafe` in
    /// `future`, itself or in a block inside it.
    fn makes_future(&self, s: &py::Stmt, future: &str) -> bool {
        let mut found = false;
        py::walk(std::slice::from_ref(s), &mut |s| {
            found |= matches!(&s.kind, P::Assign { targets, value }
                if matches!(targets.as_slice(), [py::Target::Name(n)] if &**n.ident() == future)
                    && matches!(&value.kind, E::Call(f, _)
                        if self.is_member(f, Module::Asyncio, "run_coroutine_threadsafe")));
        });
        found
    }

    /// The statement for `try: future.result() except
    /// concurrent.futures.CancelledError: on_cancel` of a future kept here
    /// (`s`): `on_cancel` where the future was cancelled, the wait for its
    /// task otherwise; `None` for another `try`.
    pub(super) fn threadsafe_cancelled_try(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        body: &[py::Stmt],
        handlers: &[py::Handler],
        finalbody: &[py::Stmt],
    ) -> Result<Option<Step>> {
        let [h] = handlers else {
            return Ok(None);
        };
        if !h.class.as_ref().is_some_and(|c| self.futures_cancelled(c)) {
            return Ok(None);
        }
        let [
            py::Stmt {
                kind: P::Expr(e), ..
            },
        ] = body
        else {
            return Ok(None);
        };
        let Some(obj) = method_call(e, "result") else {
            return Ok(None);
        };
        let Some(future) = local_name(obj).filter(|f| sc.threadsafe.iter().any(|t| t == f)) else {
            return Ok(None);
        };
        if let Some(n) = &h.name {
            return refuse(
                &h.span,
                format!(
                    "`except concurrent.futures.CancelledError as {}`",
                    n.ident()
                ),
                "the Rust listing reads a cancelled future's `JoinHandle` as the abort it \
                 noted: there is no exception to name",
            );
        }
        if !finalbody.is_empty() {
            return refuse(
                &s.span,
                "a `finally` after `except concurrent.futures.CancelledError`",
                "the Rust listing writes `try: future.result() except \
                 concurrent.futures.CancelledError:` with one handler and nothing else",
            );
        }
        self.blocking_read(sc, future, &e.span)?;
        super::threadsafe::read(sc, future, &e.span)?;
        let future = sc.local(future, &obj.span)?;
        let wait = Stmt {
            id: body[0].id,
            span: body[0].span.clone(),
            kind: StmtKind::Join {
                target: future.clone(),
                into: None,
            },
        };
        let kind = StmtKind::If {
            cond: Expr {
                kind: ExprKind::Cancelled(future),
                span: e.span.clone(),
            },
            then: self.block(sc, &h.body)?,
            otherwise: vec![wait],
        };
        Ok(Some(one(s, kind)?))
    }

    /// Whether `e` names `concurrent.futures.CancelledError`, which the
    /// `result()` of a cancelled concurrent future raises (not asyncio's).
    fn futures_cancelled(&self, e: &py::Expr) -> bool {
        let dotted = matches!(&e.kind, E::Attr(obj, m)
            if &**m == "CancelledError" && self.member(obj) == Some((Module::Concurrent, "futures")));
        dotted || self.is_member(e, Module::Futures, "CancelledError")
    }
}

/// Whether `future`'s coroutine has surely started at `pos`, inside
/// `block` (`started`: whether it had as the block began); `None` when
/// `pos` is not in a statement of `block`.
fn started_at(
    p: &Planner<'_>,
    block: &[py::Stmt],
    pos: usize,
    future: &str,
    mut started: bool,
) -> Option<bool> {
    for s in block {
        if s.span.contains(&pos) {
            let inner = py::blocks(s);
            if inner.is_empty() {
                return Some(started);
            }
            if let P::Try { body, .. } = &s.kind {
                // A handler, `else` or `finally` runs once the first
                // statement of the body ran, or raised as it waited.
                let waited = body.first().is_some_and(|b| p.timed_wait_of(b, future))
                    && !p.makes_future(s, future);
                let mut blocks = inner.into_iter();
                if let Some(found) = blocks
                    .next()
                    .and_then(|b| started_at(p, b, pos, future, started))
                {
                    return Some(found);
                }
                return blocks
                    .find_map(|b| started_at(p, b, pos, future, started || waited))
                    .or(Some(false));
            }
            // A loop's body may run again after a statement that makes a
            // new future: only what held before it is known.
            return inner
                .into_iter()
                .find_map(|b| started_at(p, b, pos, future, started && !p.makes_future(s, future)))
                .or(Some(false));
        }
        if p.makes_future(s, future) {
            started = false;
        } else if p.timed_wait_of(s, future) {
            started = true;
        } else if let P::Try { body, .. } = &s.kind
            && body.first().is_some_and(|b| p.timed_wait_of(b, future))
        {
            started = true;
        }
    }
    None
}
