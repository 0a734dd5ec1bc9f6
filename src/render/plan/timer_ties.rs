//! A timer callback due at the instant the function that scheduled it
//! wakes from its own sleep. asyncio runs the callbacks due at an instant
//! before the tasks their timers wake; the Rust listing's callback is a
//! task that sleeps, and Tokio wakes the sleeps that end at one instant in
//! the order they began: the function's own sleep, begun first, wakes
//! first (and a `main` that then returns ends the runtime before the
//! callback runs). Such a tie is refused at the timer.

use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Literal, StmtKind as P};
use std::ops::Range;

/// The innermost block holding a statement around `span`, and that
/// statement's place there.
fn block_of<'a>(block: &'a [py::Stmt], span: &Range<usize>) -> Option<(&'a [py::Stmt], usize)> {
    let at = block
        .iter()
        .position(|s| s.span.start <= span.start && span.end <= s.span.end)?;
    let inner = match &block[at].kind {
        P::If { body, orelse, .. }
        | P::While { body, orelse, .. }
        | P::For { body, orelse, .. } => block_of(body, span).or_else(|| block_of(orelse, span)),
        P::With { body, .. } => block_of(body, span),
        P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => block_of(body, span)
            .or_else(|| handlers.iter().find_map(|h| block_of(&h.body, span)))
            .or_else(|| block_of(orelse, span))
            .or_else(|| block_of(finalbody, span)),
        P::Def { code, .. } => block_of(&code.body, span),
        _ => None,
    };
    inner.or(Some((block, at)))
}

/// Seconds of a number literal.
fn seconds(e: &py::Expr) -> Option<f64> {
    match &e.kind {
        E::Literal(Literal::Int(n)) => Some(*n as f64),
        E::Literal(Literal::Float(x)) => Some(*x),
        _ => None,
    }
}

impl Planner<'_> {
    /// The seconds of `await asyncio.sleep(n)` with a number `n`.
    fn slept(&self, s: &py::Stmt) -> Option<f64> {
        let P::Expr(e) = &s.kind else {
            return None;
        };
        let E::Await(inner) = &e.kind else {
            return None;
        };
        let E::Call(f, args) = &inner.kind else {
            return None;
        };
        if !self.is_member(f, py::Module::Asyncio, "sleep") {
            return None;
        }
        seconds(super::stmt::one_arg(args)?)
    }

    /// Refuses `loop.call_later(delay, ...)` (the call `e`) when the
    /// sleeps that follow its statement in its block, before any other
    /// await, end when it is due.
    pub(super) fn timer_tie(&self, e: &py::Expr, delay: &py::Expr) -> Result<()> {
        let Some(due) = seconds(delay) else {
            return Ok(());
        };
        let Some((block, at)) = block_of(&self.program.module.body, &e.span) else {
            return Ok(());
        };
        let mut elapsed = 0.0;
        for next in &block[at + 1..] {
            let Some(slept) = self.slept(next) else {
                let text = &self.program.source[next.span.clone()];
                if ["await", "async ", "yield"]
                    .iter()
                    .any(|w| text.contains(w))
                {
                    break;
                }
                continue;
            };
            elapsed += slept;
            if (elapsed - due).abs() < 1e-9 {
                return refuse(
                    &delay.span,
                    "a timer due when the sleep after it ends",
                    "asyncio runs the callbacks due at an instant before the tasks that wake \
                     then; the Rust listing's callback is a task that sleeps, and Tokio wakes \
                     the sleeps that end at one instant in the order they began, this \
                     function's first: give the timer and the sleep different times",
                );
            }
            if elapsed > due {
                break;
            }
        }
        Ok(())
    }
}
