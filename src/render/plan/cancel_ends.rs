//! A spawned task whose cancellation ends it after a cleanup that awaits:
//! its coroutine's last statement is `try: ... finally:` whose `finally`
//! awaits, or `try: ... except asyncio.CancelledError: ...; raise`
//! whose handler (or `finally`) awaits. Tokio aborts a task by dropping
//! its future, and `Drop` cannot await, so such a coroutine is given a
//! `CancellationToken` (see `cancel_token`) made where it is spawned: its
//! body runs beside `token.cancelled()`, the cleanup is awaited, and the
//! task's output, a `bool`, tells whether it ended cancelled, which
//! asyncio's `await t` raises and `t.cancelled()` reads.
//!
//! The listing reads that output at one kind of place only: `try: await t
//! except asyncio.CancelledError:` (whose handler may read
//! `t.cancelled()`). A task kept in a variable is named nowhere else but
//! where it is made and cancelled (`t.cancel()`); one made by a statement
//! of its own, `asyncio.create_task(f(...))`, or kept in a variable never
//! read, is one `asyncio.run` cancels at its end (see `pending_tasks`). The coroutine returns nothing and
//! makes no task: asyncio runs a task made during its shutdown for a few
//! rounds only, which the listing's runtime does not copy.

use super::name_reads::name_reads;
use super::stmt::local_name;
use super::{Planner, pending_tasks::global_callee};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Code, ExprKind as E, Module, StmtKind as P};
use crate::render::plan::ir::ast::TokenEnd;

/// `t` of `try: await t except asyncio.CancelledError: ...` (one handler,
/// no `as`, no `else` or `finally`), and that handler.
pub(super) fn awaited_in_try(s: &py::Stmt) -> Option<(&str, &py::Handler)> {
    let P::Try {
        body,
        handlers,
        orelse,
        finalbody,
    } = &s.kind
    else {
        return None;
    };
    let ([st], [h]) = (body.as_slice(), handlers.as_slice()) else {
        return None;
    };
    if !orelse.is_empty() || !finalbody.is_empty() || h.star {
        return None;
    }
    let P::Expr(e) = &st.kind else { return None };
    let E::Await(x) = &e.kind else { return None };
    Some((local_name(x)?, h))
}

impl Planner<'_> {
    /// How the coroutine `code`, only ever spawned, ends when cancelled,
    /// where the listing gives it a token whose cancellation ends it (see
    /// the module's comment); `None` for any other coroutine.
    pub(super) fn cancel_end(&self, code: &Code) -> Option<TokenEnd> {
        let text = self.text(&code.span);
        if in_code(text, "create_task(") || super::wait_for_token::returns_value(&code.body) {
            return None;
        }
        self.token_end(code, true)
            .filter(|end| !matches!(end, TokenEnd::Returns))
    }

    /// Whether every task of `f` kept in a variable is named only where
    /// it is made, cancelled (`t.cancel()`) and awaited in `try: await t
    /// except asyncio.CancelledError:` (whose handler may read
    /// `t.cancelled()`), once, later in the block that made it, with no
    /// statement between them that can leave the block: a task left
    /// pending would have its cleanup run by `asyncio.run` at its end.
    pub(super) fn cancel_ended_uses(&self, bodies: &[&[py::Stmt]], f: &str) -> bool {
        let mut fits = true;
        for body in bodies {
            self.each_block(body, &mut |block| {
                for (i, s) in block.iter().enumerate() {
                    let Some(t) = self.spawn_of(s, f) else {
                        continue;
                    };
                    // Never read: `asyncio.run` cancels it at its end.
                    if self.pending_handle(s.span.start).is_some() {
                        fits &= name_reads(&self.program.module.body, t) == 0;
                        continue;
                    }
                    let awaited = block[i + 1..]
                        .iter()
                        .position(|b| awaited_in_try(b).is_some_and(|(n, _)| n == t));
                    fits &= awaited.is_some_and(|j| !leaves(&block[i + 1..i + 1 + j]))
                        && self.read_where_known(bodies, t);
                }
            });
        }
        fits
    }

    /// Whether every task of `f` kept in a variable, and not one
    /// `asyncio.run` cancels at its end, is awaited somewhere: a task left
    /// pending at the end would have its handler run by `asyncio.run`,
    /// where the listing's runtime drops it.
    pub(super) fn kept_tasks_awaited(&self, bodies: &[&[py::Stmt]], f: &str) -> bool {
        let mut fits = true;
        for body in bodies {
            crate::program::walk(body, &mut |s| {
                if let Some(t) = self.spawn_of(s, f)
                    && self.pending_handle(s.span.start).is_none()
                {
                    let mut awaits = AwaitsOf { task: t, count: 0 };
                    for b in bodies {
                        block_mut(&mut b.to_vec(), &mut awaits);
                    }
                    fits &= awaits.count > 0;
                }
            });
        }
        fits
    }

    /// `t` of `t = asyncio.create_task(f(...))`.
    fn spawn_of<'s>(&self, s: &'s py::Stmt, f: &str) -> Option<&'s str> {
        let P::Assign { targets, value } = &s.kind else {
            return None;
        };
        let [py::Target::Name(t)] = targets.as_slice() else {
            return None;
        };
        let E::Call(g, args) = &value.kind else {
            return None;
        };
        let spawns_f = self.is_member(g, Module::Asyncio, "create_task")
            && matches!(args.as_slice(), [py::Arg::Positional(c)] if global_callee(c) == Some(f));
        spawns_f.then_some(&**t.ident())
    }

    /// Calls `visit` with `body` and every block nested in it.
    pub(super) fn each_block<'s>(
        &self,
        body: &'s [py::Stmt],
        visit: &mut impl FnMut(&'s [py::Stmt]),
    ) {
        visit(body);
        for s in body {
            match &s.kind {
                P::If { body, orelse, .. }
                | P::While { body, orelse, .. }
                | P::For { body, orelse, .. } => {
                    self.each_block(body, visit);
                    self.each_block(orelse, visit);
                }
                P::With { body, .. } => self.each_block(body, visit),
                P::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    for b in [body, orelse, finalbody] {
                        self.each_block(b, visit);
                    }
                    for h in handlers {
                        self.each_block(&h.body, visit);
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether the task `t` is read only where it is cancelled, and
    /// awaited as [`awaited_in_try`] reads it.
    fn read_where_known(&self, bodies: &[&[py::Stmt]], t: &str) -> bool {
        let (mut counted, mut awaits) = (0, 0);
        for body in bodies {
            crate::program::walk(body, &mut |s| {
                if let P::Expr(e) = &s.kind
                    && let E::Call(m, args) = &e.kind
                    && args.is_empty()
                    && super::stmt::method_call(e, "cancel").and_then(local_name) == Some(t)
                    && matches!(m.kind, E::Attr(..))
                {
                    counted += 1;
                }
                if let Some((awaited, h)) = awaited_in_try(s)
                    && awaited == t
                    && self.catches_cancel(h)
                {
                    let mut asked = StateReads { task: t, count: 0 };
                    block_mut(&mut h.body.clone(), &mut asked);
                    if asked.count == name_reads(&h.body, t) {
                        counted += 1 + asked.count;
                        awaits += 1;
                    }
                }
            });
        }
        awaits == 1 && counted == name_reads(&self.program.module.body, t)
    }
}

/// Counts the expressions `await task` among the expressions it visits.
struct AwaitsOf<'a> {
    task: &'a str,
    count: usize,
}

impl VisitMut for AwaitsOf<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        if let E::Await(x) = &e.kind
            && local_name(x) == Some(self.task)
        {
            self.count += 1;
        }
    }
}

/// Counts the calls `task.cancelled()` among the expressions it visits.
struct StateReads<'a> {
    task: &'a str,
    count: usize,
}

impl VisitMut for StateReads<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        if let E::Call(_, args) = &e.kind
            && args.is_empty()
            && super::stmt::method_call(e, "cancelled").and_then(local_name) == Some(self.task)
        {
            self.count += 1;
        }
    }
}

/// Whether a statement of `block` can leave it: `return`, `raise`,
/// `break` or `continue`.
pub(super) fn leaves(block: &[py::Stmt]) -> bool {
    let mut found = false;
    crate::program::walk(block, &mut |s| {
        found |= matches!(
            s.kind,
            P::Return(_) | P::Raise { .. } | P::Break | P::Continue
        );
    });
    found
}

/// Whether `what` stands in the code of `text` (outside comments).
fn in_code(text: &str, what: &str) -> bool {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .any(|l| l.contains(what))
}
