//! `async with asyncio.timeout(1):` around work whose sleep ends at the
//! deadline: asyncio made the deadline's timer when the block began, before
//! the sleep's, so at the tie it fires first and cancels the block; Tokio's
//! `timeout` polls the block before its deadline, and the block would go
//! on. Such a block is timed by `timeout_first` (see `wait_for_tie`),
//! which polls the deadline first. The instants its sleeps end
//! are followed through the statements that run in order and the
//! coroutines they await, with the numbers they are given; past a branch,
//! a loop, a sleep of unknown length or a wait on another task, a queue or
//! an event they are not known. `result_ties` follows a task's coroutine
//! the same way.

use super::analysis::stmt_exprs;
use super::expr_walk::{awaited_calls, each_expr};
use crate::render::plan::ir::ast::{Call, Demo, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// Instants closer than Tokio's timer resolution, a millisecond, tie.
pub(super) const RESOLUTION: f64 = 0.001;

/// How deep the awaited coroutines are followed.
pub(super) const DEPTH: usize = 8;

/// A number literal's value, or a parameter's known one.
fn number(e: &Expr, env: &[(&str, f64)]) -> Option<f64> {
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => Some(*n as f64),
        ExprKind::Lit(Value::Float(x)) => Some(*x),
        ExprKind::Var(v) => env.iter().find(|(p, _)| p == v).map(|(_, x)| *x),
        _ => None,
    }
}

/// Whether `e` waits on something whose end the following cannot tell:
/// another task, a gather, a stream, a queue, an event or a barrier.
pub(super) fn waits_on_others(e: &Expr) -> bool {
    let mut found = false;
    each_expr(e, &mut |x| {
        found |= matches!(
            &x.kind,
            ExprKind::Join(_)
                | ExprKind::NextItem(..)
                | ExprKind::GatherAll(_)
                | ExprKind::Outcomes(_)
                | ExprKind::ItemOutput(..)
                | ExprKind::Prim(..)
        );
    });
    found
}

/// Follows `block` from the instant `at`, pushing the instant each of its
/// sleeps ends; the instant it ends, or `None` where that is not known.
pub(super) fn follow(
    demo: &Demo,
    block: &[Stmt],
    env: &[(&str, f64)],
    at: f64,
    depth: usize,
    out: &mut Vec<f64>,
) -> Option<f64> {
    let mut now = at;
    for s in block {
        let mut awaited = Vec::new();
        for (e, _) in stmt_exprs(s) {
            if waits_on_others(e) {
                return None;
            }
            awaited_calls(e, &mut awaited);
        }
        for call in awaited {
            now = follow_call(demo, call, env, now, depth, out)?;
        }
        match &s.kind {
            // A sleep of no time only yields: no timer.
            StmtKind::Sleep(d) => {
                let slept = number(d, env)?;
                if slept > 0.0 {
                    now += slept;
                    out.push(now);
                }
            }
            StmtKind::Await { call, .. } => now = follow_call(demo, call, env, now, depth, out)?,
            StmtKind::Print(_)
            | StmtKind::Eprint(_)
            | StmtKind::Note(_)
            | StmtKind::Set { .. }
            | StmtKind::SetField { .. }
            | StmtKind::CallFn { .. } => {}
            StmtKind::Return(_) | StmtKind::Raise { .. } => return Some(now),
            _ => return None,
        }
    }
    Some(now)
}

/// Follows the coroutine `call` awaits, given the numbers it is passed.
pub(super) fn follow_call(
    demo: &Demo,
    call: &Call,
    env: &[(&str, f64)],
    at: f64,
    depth: usize,
    out: &mut Vec<f64>,
) -> Option<f64> {
    let g = demo.function(&call.name)?;
    if depth == 0 {
        return None;
    }
    let inner: Vec<(&str, f64)> = g
        .params
        .iter()
        .zip(&call.args)
        .filter_map(|(p, a)| Some((p.as_str(), number(a, env)?)))
        .collect();
    follow(demo, &g.body, &inner, at, depth - 1, out)
}

/// The delays of the timeout blocks of `demo` whose deadline ties the end
/// of a sleep in them.
pub(super) fn tied_deadlines(demo: &Demo) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            let StmtKind::Deadline {
                delay: Some(delay),
                body,
                ..
            } = &s.kind
            else {
                return;
            };
            let Some(limit) = number(delay, &[]).filter(|l| *l > 0.0) else {
                return;
            };
            let mut ends = Vec::new();
            follow(demo, body, &[], 0.0, DEPTH, &mut ends);
            if ends.iter().any(|t| (t - limit).abs() < RESOLUTION) {
                out.push(delay.span.clone());
            }
        });
    }
    out
}
