//! `task.result()` of a task that may still run (see `task_poll`) at the
//! instant the task ends: asyncio runs the wake-ups of one instant in its
//! own order, and the read finds the task done or running by that order;
//! Tokio need not keep it, so whether the listing's task has finished at
//! that instant depends on the run. The poll-once read is
//! kept only where the instant of the read and the task's end are both
//! known and differ: followed (as `deadline_tie` follows a timeout's
//! work) through the statements of the coroutine `asyncio.run` runs, and
//! through the task's coroutine from the instant it is made. Past what the
//! reading cannot time (a wait on something else, a sleep of a variable),
//! and inside a loop's body or a branch, instants count again from there,
//! and only the tasks made since have a known end. Every other such read
//! is refused at its place.

use super::analysis::stmt_exprs;
use super::deadline_tie::{DEPTH, RESOLUTION, follow, follow_call, waits_on_others};
use super::expr_walk::{awaited_calls, each_expr};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Stmt, StmtKind};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What the reading of the entry coroutine knows as it goes.
struct Reading<'a> {
    demo: &'a Demo,
    /// The instant each task made so far ends, where it is known.
    ends: HashMap<String, Option<f64>>,
    /// The tasks whose first read was weighed: a later read finds the
    /// output the first one took or the stop it caused.
    weighed: HashSet<String>,
    out: Vec<Untranslatable>,
}

/// The reads `task.result()` of a task that may still run in `s`'s own
/// expressions (not those of its nested blocks), with their places.
fn reads(s: &Stmt) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            if let ExprKind::Task(TaskOp::ResultNow, t) = &x.kind {
                out.push((t.clone(), x.span.clone()));
            }
        });
    }
    out
}

/// The tasks `s`'s own expressions cancel.
fn cancels(s: &Stmt) -> Vec<String> {
    let mut out = Vec::new();
    if let StmtKind::Cancel { task } = &s.kind {
        out.push(task.clone());
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            if let ExprKind::Task(TaskOp::Cancel, t) = &x.kind {
                out.push(t.clone());
            }
        });
    }
    out
}

/// Whether evaluating `s`'s own expressions may wait.
fn suspends(s: &Stmt) -> bool {
    stmt_exprs(s).into_iter().any(|(e, _)| {
        let mut awaited = Vec::new();
        awaited_calls(e, &mut awaited);
        !awaited.is_empty() || waits_on_others(e)
    })
}

impl Reading<'_> {
    /// Past a statement whose length the reading cannot tell, instants
    /// are counted again from 0, and no task made before has a known end.
    fn restart(&mut self) -> f64 {
        self.ends.values_mut().for_each(|end| *end = None);
        0.0
    }

    /// Reads `block` from the instant `at`; the instant it ends.
    fn block(&mut self, block: &[Stmt], at: f64) -> f64 {
        block.iter().fold(at, |now, s| self.stmt(s, now))
    }

    /// Reads `s` at the instant `at`; the instant after it.
    fn stmt(&mut self, s: &Stmt, at: f64) -> f64 {
        let read_at = Some(at).filter(|_| !suspends(s));
        for (task, span) in reads(s) {
            self.weigh(&task, span, read_at);
        }
        for task in cancels(s) {
            self.ends.insert(task, None);
        }
        match &s.kind {
            StmtKind::Spawn { call, into } => {
                let end = follow_call(self.demo, call, &[], at, DEPTH, &mut Vec::new());
                self.ends.insert(into.clone(), end);
                // A new task: its first read is weighed again.
                self.weighed.remove(into);
                at
            }
            StmtKind::Catch {
                body,
                handlers,
                orelse,
                finally,
            } if !suspends(s) => {
                let end = self.block(body, at);
                // A handler or `finally` may start anywhere in the body:
                // at a known instant only where the body takes no time.
                let from = if end == at { at } else { self.restart() };
                let mut steady = end == at;
                for h in handlers {
                    steady &= self.block(&h.body, from) == from;
                }
                steady &= self.block(orelse, from) == from;
                steady &= self.block(finally, from) == from;
                if steady { at } else { self.restart() }
            }
            _ if s.blocks().is_empty() => {
                match follow(
                    self.demo,
                    std::slice::from_ref(s),
                    &[],
                    at,
                    DEPTH,
                    &mut Vec::new(),
                ) {
                    Some(end) => end,
                    None => self.restart(),
                }
            }
            // A loop's body or a branch is read from an instant of its own.
            _ => {
                for inner in s.blocks() {
                    let start = self.restart();
                    self.block(inner, start);
                }
                self.restart()
            }
        }
    }

    /// Weighs the read `task.result()` at `span`, made at the instant `at`.
    fn weigh(&mut self, task: &str, span: Range<usize>, at: Option<f64>) {
        if !self.weighed.insert(task.to_string()) {
            return;
        }
        let end = self.ends.get(task).copied().flatten();
        let (construct, reason) = match (at, end) {
            (Some(at), Some(end)) if (at - end).abs() >= RESOLUTION => return,
            (Some(_), Some(_)) => (
                format!("`{task}.result()` read at the instant the task ends"),
                "asyncio runs the wake-ups of one instant in its own order, and the read \
                 finds the task done or running by that order; Tokio need not keep it (a \
                 task of a multi-thread runtime runs beside the reader), so the listing \
                 could find the other: read the result at another time, or await the task",
            ),
            _ => (
                format!("`{task}.result()` beside a task end the translator cannot tell"),
                "asyncio gives the result only if the task ended before the read; the Rust \
                 listing polls a task that may still run only where the instant of the read \
                 and the task's end both follow from sleeps of numbers, straight on, in the \
                 coroutine `asyncio.run` runs and in the task's, and differ: await the task, \
                 or test `done()` first",
            ),
        };
        self.out.push(Untranslatable {
            span,
            construct,
            reason: reason.into(),
        });
    }
}

/// Every `task.result()` of a task that may still run whose read may find
/// the task done or running by the run (see the module's documentation).
pub(super) fn tied_reads(demo: &Demo) -> Vec<Untranslatable> {
    let mut reading = Reading {
        demo,
        ends: HashMap::new(),
        weighed: HashSet::new(),
        out: Vec::new(),
    };
    if let Some(entry) = demo.function(&demo.entry) {
        reading.block(&entry.body, 0.0);
    }
    // A read anywhere else is at an instant not known.
    for f in demo.functions.iter().filter(|f| f.name != demo.entry) {
        reading.weighed.clear();
        f.walk(&mut |s| {
            for (task, span) in reads(s) {
                reading.weigh(&task, span, None);
            }
        });
    }
    reading.out
}
