//! Executor jobs that wait: a plain function run only on an executor
//! (`loop.run_in_executor`, `asyncio.to_thread`) whose `time.sleep` stands
//! for blocking work (not for CPU-bound work: a job that computes stays a
//! blocking function, unless it waits for a coroutine it runs on the loop
//! with `asyncio.run_coroutine_threadsafe`).
//!
//! The listing runs on Tokio's paused clock, which a blocking
//! `std::thread::sleep` does not move, while Python's job takes its
//! seconds and prints at its own times between the event loop's lines. So
//! such a function becomes a stand-in coroutine whose `time.sleep` is
//! Tokio's `sleep` (`render::rust` says so in the listing: a real blocking
//! job runs under `spawn_blocking`), and the pool's jobs are tasks.

use super::Planner;
use crate::render::plan::ir::ast::{Block, Function, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use std::collections::HashSet;

impl Planner<'_> {
    /// Turns each plain function run only as a job, whose body waits with
    /// `time.sleep`, into a coroutine that sleeps on Tokio's clock.
    pub(super) fn jobs_on_the_clock(&self, functions: &mut [Function]) {
        let mut jobs = HashSet::new();
        for f in functions.iter() {
            walk(&f.body, &mut |s| {
                if let StmtKind::Submit { call, .. } | StmtKind::RunBlocking { call, .. } = &s.kind
                {
                    jobs.insert(call.name.clone());
                }
            });
        }
        for f in functions.iter_mut() {
            if f.kind != FunctionKind::Blocking
                || !(jobs.contains(&f.name)
                    || self.handed_to_executor(&f.name)
                    || self.mapped_on_pool(&f.name))
                || self.called_directly(&f.name)
            {
                continue;
            }
            let mut body = f.body.clone();
            // A job that waits for a coroutine it runs on the loop awaits
            // its task (see `plan::threadsafe`).
            let mut waits = false;
            walk(&body, &mut |s| {
                waits |= self.text(&s.span).contains("run_coroutine_threadsafe(");
            });
            // So does a job that waits for a concurrent future (see `plan::job_futures`).
            waits |= !self.job_future_params(&f.name).is_empty();
            if !on_the_clock(&mut body) && !waits {
                continue;
            }
            let mut left = false;
            walk(&body, &mut |s| {
                left |= matches!(s.kind, StmtKind::Block(_) | StmtKind::Compute(_));
            });
            if !left || waits {
                f.body = body;
                f.kind = FunctionKind::Coroutine;
            }
        }
    }

    /// Whether a line of the source hands `name` to `run_in_executor` or
    /// `to_thread` (inside an expression, which the walk above misses).
    pub(super) fn handed_to_executor(&self, name: &str) -> bool {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        self.program.source.lines().any(|line| {
            ["run_in_executor(", "to_thread("].iter().any(|call| {
                line.split_once(call).is_some_and(|(_, rest)| {
                    rest.match_indices(name).any(|(i, _)| {
                        !rest[..i].ends_with(word) && !rest[i + name.len()..].starts_with(word)
                    })
                })
            })
        })
    }

    /// Whether the source calls `name(...)` itself (not only hands it to
    /// an executor).
    pub(super) fn called_directly(&self, name: &str) -> bool {
        let source = &self.program.source;
        let word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
        source.match_indices(name).any(|(i, _)| {
            let before = &source[..i];
            // `"name(...)"` opens a string: no call.
            if before.ends_with(['"', '\'']) {
                return false;
            }
            let after = &source[i + name.len()..];
            !before.ends_with(word) && after.starts_with('(') && !before.ends_with("def ")
        })
    }
}

/// Makes each `time.sleep` of `body` a sleep on Tokio's clock; whether
/// there was one.
fn on_the_clock(body: &mut Block) -> bool {
    let mut found = false;
    for s in body.iter_mut() {
        match &mut s.kind {
            StmtKind::Block(d) => {
                s.kind = StmtKind::Sleep(d.clone());
                found = true;
            }
            StmtKind::For { body, .. }
            | StmtKind::While { body, .. }
            | StmtKind::Labeled { body, .. } => found |= on_the_clock(body),
            StmtKind::If {
                then, otherwise, ..
            } => {
                found |= on_the_clock(then);
                found |= on_the_clock(otherwise);
            }
            StmtKind::Catch {
                body,
                handlers,
                orelse,
                finally,
            } => {
                found |= on_the_clock(body);
                found |= on_the_clock(orelse);
                for h in handlers {
                    found |= on_the_clock(&mut h.body);
                }
                found |= on_the_clock(finally);
            }
            _ => {}
        }
    }
    found
}

/// A tuple literal iterated over (`for n, s in (("a", 1), ("b", 2))`) is
/// a list literal to the listing: the same items, in an array it iterates.
pub(super) fn tuple_as_list(e: Expr) -> Expr {
    match e.kind {
        ExprKind::Tuple(items) => Expr {
            kind: ExprKind::List(items),
            span: e.span,
        },
        kind => Expr { kind, span: e.span },
    }
}
