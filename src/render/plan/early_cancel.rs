//! `t.cancel()` of a task given a `CancellationToken` (see
//! `cancel_token`) before it has surely started: asyncio cancels a task
//! that has not run yet before its first statement, so its `except
//! CancelledError` does not run and its awaiter gets the cancellation;
//! the listing's task would see its token cancelled and run the handler.
//! The cancellation is taken only where the statements between the
//! spawn and it, in the same block, suspend the canceller, and cancel
//! the task no other time (the token is watched once).

use super::stmt::{local_name, method_call};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Code, ExprKind as E, Module, Name, StmtKind as P};
use std::collections::{HashMap, HashSet};

/// Why a `t.cancel()` of a task given a token is refused.
pub(super) enum Early {
    /// The task may not have started.
    NotStarted,
    /// The task was cancelled before, since it was made.
    Again,
}

/// How many calls deep [`Planner::suspends`] follows.
pub(super) const DEPTH: u32 = 8;

/// `t` of `t.cancel()` as a statement.
fn cancelled(s: &py::Stmt) -> Option<&str> {
    match &s.kind {
        P::Expr(e) => method_call(e, "cancel").and_then(local_name),
        _ => None,
    }
}

impl<'p> Planner<'p> {
    /// `t` of `t = asyncio.create_task(f(...))` with `f` given a token.
    fn tokened_spawn<'s>(&self, s: &'s py::Stmt) -> Option<&'s str> {
        let P::Assign { targets, value } = &s.kind else {
            return None;
        };
        let [py::Target::Name(t)] = targets.as_slice() else {
            return None;
        };
        let f = self.created_coroutine(value)?;
        self.cancellable.contains(f).then_some(&**t.ident())
    }

    /// Whether `s` surely suspends the coroutine running it, so that a
    /// task it made before has started: it awaits `asyncio.sleep(...)`,
    /// or a coroutine of the program whose first statements, plain ones,
    /// lead to one that does.
    pub(super) fn suspends(
        &self,
        s: &py::Stmt,
        codes: &[(String, &Code, bool)],
        depth: u32,
    ) -> bool {
        let awaited = match &s.kind {
            P::Expr(e) | P::Return(Some(e)) => e,
            P::Assign { value, .. } => value,
            _ => return false,
        };
        let E::Await(inner) = &awaited.kind else {
            return false;
        };
        let E::Call(f, _) = &inner.kind else {
            return false;
        };
        if self.is_member(f, Module::Asyncio, "sleep") {
            return true;
        }
        let E::Name(Name::Global(g)) = &f.kind else {
            return false;
        };
        let Some((_, code, _)) = codes
            .iter()
            .find(|(n, c, method)| n == &**g && !method && c.is_async && !c.is_generator)
        else {
            return false;
        };
        if depth == 0 {
            return false;
        }
        for s in &code.body {
            if self.suspends(s, codes, depth - 1) {
                return true;
            }
            if !matches!(s.kind, P::Expr(_) | P::Assign { .. } | P::AugAssign { .. }) {
                return false;
            }
        }
        false
    }

    /// The starts of the `t.cancel()` statements of `block` (nested ones
    /// too) that may cancel a task given a token before it has started.
    fn early_cancels(
        &self,
        block: &[py::Stmt],
        tokened: &HashSet<&str>,
        codes: &[(String, &Code, bool)],
        out: &mut HashMap<usize, Early>,
    ) {
        for (j, s) in block.iter().enumerate() {
            if let Some(t) = cancelled(s)
                && tokened.contains(t)
            {
                let spawn = block[..j]
                    .iter()
                    .rposition(|b| self.tokened_spawn(b) == Some(t));
                let started = spawn.is_some_and(|i| {
                    block[i + 1..j]
                        .iter()
                        .any(|b| self.suspends(b, codes, DEPTH))
                });
                let again =
                    spawn.is_some_and(|i| block[i + 1..j].iter().any(|b| cancelled(b) == Some(t)));
                if !started {
                    out.insert(s.span.start, Early::NotStarted);
                } else if again {
                    out.insert(s.span.start, Early::Again);
                }
            }
            for inner in py::blocks(s) {
                self.early_cancels(inner, tokened, codes, out);
            }
        }
    }

    /// Notes every `t.cancel()` that may cancel a task given a token
    /// before it has started (after the coroutines given one are known).
    pub(super) fn scan_early_cancels(
        &mut self,
        module: &'p [py::Stmt],
        codes: &[(String, &'p Code, bool)],
    ) {
        let mut out = HashMap::new();
        let bodies = codes.iter().map(|(_, c, _)| &c.body[..]);
        for body in bodies.chain([module]) {
            let mut tokened = HashSet::new();
            crate::program::walk(body, &mut |s| tokened.extend(self.tokened_spawn(s)));
            if !tokened.is_empty() {
                self.early_cancels(body, &tokened, codes, &mut out);
            }
        }
        self.early_cancels = out;
    }

    /// Refuses `t.cancel()` at `start` if it may come before the task
    /// has started, or cancels it again.
    pub(super) fn cancel_after_start(
        &self,
        start: usize,
        span: &std::ops::Range<usize>,
    ) -> Result<()> {
        match self.early_cancels.get(&start) {
            None => Ok(()),
            Some(Early::NotStarted) => refuse(
                span,
                "this `cancel()` of a task that watches a `CancellationToken`",
                "asyncio cancels a task that has not started yet before it runs, so neither its \
                 `except CancelledError` nor its `finally` runs and its awaiter gets the \
                 cancellation; the task of the Rust listing would start, see its token cancelled \
                 and run its handler or cleanup: cancel it after an `await` that lets it start, \
                 in the block that made it",
            ),
            Some(Early::Again) => refuse(
                span,
                "a second `cancel()` of a task that watches a `CancellationToken`",
                "asyncio cancels the task again, at its next `await` (in its handler, say); the \
                 task of the Rust listing watches its token once, and cancelling it again does \
                 nothing",
            ),
        }
    }
}
