//! What a block under a deadline (`async with asyncio.timeout(...)`) may
//! not await: at the deadline asyncio cancels what the block awaits, the
//! listing's `timeout` drops the block's future. Coroutine calls joined in
//! place are dropped with it, their cleanup run in `Drop`; tasks (a
//! `JoinHandle` awaited, or children that can fail, which the listing runs
//! as tasks) would run on.

use super::Untranslatable;
use crate::render::plan::ir::ast::{Calls, Demo, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::ExprKind;
use std::collections::HashSet;

/// The gathers under a deadline (`async with asyncio.timeout(...)`) of
/// children that can fail: they would run on as tasks past the timeout.
pub(super) fn failing_under_deadline(
    demo: &Demo,
    fallible: &HashSet<String>,
) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            let StmtKind::Deadline { body, .. } = &s.kind else {
                return;
            };
            walk(body, &mut |g| {
                if joins_tasks(g) {
                    out.push(Untranslatable {
                        span: g.span.clone(),
                        construct: "awaiting a task under a timeout".into(),
                        reason: "at the timeout asyncio cancels the task the block awaits; the \
                                 Rust listing drops only the `JoinHandle`, which leaves the task \
                                 running"
                            .into(),
                    });
                }
                if let StmtKind::Gather {
                    calls: Calls::List(list),
                    ..
                } = &g.kind
                    && list.iter().any(|c| fallible.contains(&c.name))
                {
                    out.push(Untranslatable {
                        span: g.span.clone(),
                        construct: "a gather of children that can fail, under a timeout".into(),
                        reason: "the Rust listing runs such children as tasks, so that the first \
                                 exception comes out at once; a timeout would drop the join and \
                                 leave the tasks running, where asyncio cancels them"
                            .into(),
                    });
                }
            });
        });
    }
    out
}

/// Whether `s` awaits a task (`await t`, `await asyncio.gather(t1, t2)`).
fn joins_tasks(s: &Stmt) -> bool {
    if matches!(s.kind, StmtKind::Join { .. }) {
        return true;
    }
    // The awaited expression itself (`x = await t`, `print(await t)` are
    // not looked into).
    crate::render::plan::ir::raises::exprs(&s.kind)
        .iter()
        .any(|e| match &e.kind {
            ExprKind::Join(_) => true,
            ExprKind::GatherAll(list) => match &list.kind {
                ExprKind::List(items) => items.iter().any(|i| !matches!(i.kind, ExprKind::Coro(_))),
                ExprKind::Comp { value, .. } => !matches!(value.kind, ExprKind::Coro(_)),
                _ => true,
            },
            _ => false,
        })
}
