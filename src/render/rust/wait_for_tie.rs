//! `await asyncio.wait_for(work(1), timeout=1)` where `work` sleeps as
//! long as the timeout: asyncio made the timeout's timer first, so at the
//! tie it fires first and cancels the work; Tokio's `timeout` polls the
//! work before its deadline, so the work would finish. Such a call is
//! timed by `timeout_first`, a helper the listing carries that polls the
//! deadline first (as is an `asyncio.timeout` block whose deadline ties,
//! see `deadline_tie`); where the work is given a cancellation token
//! instead, the call is refused at its place.

use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// A number literal's value.
fn number(e: &Expr) -> Option<f64> {
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => Some(*n as f64),
        ExprKind::Lit(Value::Float(x)) => Some(*x),
        _ => None,
    }
}

/// The seconds `g` may sleep for, given the arguments `args` (a parameter
/// read as a loop variable over a list display takes each of its items).
fn sleeps(g: &Function, args: &[Vec<f64>]) -> Vec<f64> {
    let mut out = Vec::new();
    walk(&g.body, &mut |s| {
        if let StmtKind::Sleep(e) = &s.kind {
            match &e.kind {
                ExprKind::Var(v) => {
                    if let Some(i) = g.params.iter().position(|p| p == v) {
                        out.extend(args.get(i).into_iter().flatten());
                    }
                }
                _ => out.extend(number(e)),
            }
        }
    });
    out
}

/// The values each argument of `call` may have: its literal, or the items
/// of the list display a loop of `loops` binds it to.
fn arg_values(call: &Call, loops: &[(&str, &[Expr])]) -> Vec<Vec<f64>> {
    call.args
        .iter()
        .map(|a| match &a.kind {
            ExprKind::Var(v) => loops
                .iter()
                .filter(|(var, _)| var == v)
                .flat_map(|(_, items)| items.iter().filter_map(number))
                .collect(),
            _ => number(a).into_iter().collect(),
        })
        .collect()
}

/// `timeout_first`: Tokio's `timeout` with the deadline polled first.
const TIMEOUT_FIRST: &[&str] = &[
    "/// Tokio's `timeout`, its deadline polled before the work: asyncio made",
    "/// the deadline's timer first, so at a tie the deadline wins.",
    "async fn timeout_first<T>(",
    "    limit: std::time::Duration,",
    "    work: impl std::future::Future<Output = T>,",
    ") -> Result<T, ()> {",
    "    tokio::select! {",
    "        biased;",
    "        () = tokio::time::sleep(limit) => Err(()),",
    "        output = work => Ok(output),",
    "    }",
    "}",
];

/// The helpers of this module that the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    if calls("timeout_first(") {
        let mut out = TIMEOUT_FIRST.to_vec();
        out.push("");
        return out;
    }
    Vec::new()
}

/// The timeouts of the `wait_for`s of a call that may sleep exactly its
/// timeout, and of the `asyncio.timeout` blocks whose deadline ties a
/// sleep in them: each is timed by `timeout_first`.
pub(super) fn tied(demo: &Demo) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<_> = tied_calls(demo, false)
        .into_iter()
        .map(|e| e.span.clone())
        .collect();
    out.extend(super::deadline_tie::tied_deadlines(demo));
    out
}

/// Every `wait_for` given a cancellation token of a call that may sleep
/// exactly its timeout.
pub(super) fn ties(demo: &Demo) -> Vec<Untranslatable> {
    tied_calls(demo, true)
        .into_iter()
        .map(|timeout| Untranslatable {
            span: timeout.span.clone(),
            construct: "a `wait_for` whose timeout ties the work's sleep".into(),
            reason: "asyncio made the timeout's timer first, so at the tie it fires \
                     first and cancels the work; Tokio's `timeout` polls the work before \
                     its deadline, and the work (which goes on after its cancellation) \
                     would finish"
                .into(),
        })
        .collect()
}

/// The timeouts of the `wait_for`s (given a token, or not) of a call that
/// may sleep exactly its timeout.
fn tied_calls(demo: &Demo, tokened: bool) -> Vec<&Expr> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mut loops: Vec<(&str, &[Expr])> = Vec::new();
        walk(&f.body, &mut |s| {
            if let StmtKind::For { var, over, .. } = &s.kind
                && let ExprKind::List(items) = &over.kind
            {
                loops.push((var.as_str(), items.as_slice()));
            }
        });
        walk(&f.body, &mut |s| {
            let StmtKind::WaitFor {
                call,
                timeout,
                token,
                ..
            } = &s.kind
            else {
                return;
            };
            if token.is_some() != tokened {
                return;
            }
            let (Some(t), Some(g)) = (number(timeout), demo.function(&call.name)) else {
                return;
            };
            if sleeps(g, &arg_values(call, &loops)).contains(&t) {
                out.push(timeout);
            }
        });
    }
    out
}
