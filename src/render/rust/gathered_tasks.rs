//! `await asyncio.gather(*tasks)` of a list of tasks the function reads
//! again after (their state, their names): `try_join_all` takes the
//! handles through `&mut`, so the list is still there. A gather of tasks
//! that can raise is refused (see [`failing_gathers`]), unless the list is
//! read by index, whose tasks are `Shared` (see `shared_tasks`).

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::raises;

/// The lists of tasks `block` gathers and reads again later.
pub(super) fn gathered_then_read(block: &Block) -> Vec<String> {
    let mut gathered: Vec<String> = Vec::new();
    let mut out = Vec::new();
    walk(block, &mut |s| {
        // A list this statement gathers is read again when the statement
        // names it once more (`print(await gather(*ts), [t.done() for t
        // in ts])`), or any later statement does.
        let mut here = Vec::new();
        let mut reads: Vec<String> = Vec::new();
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::GatherAll(list) => {
                    if let ExprKind::Var(n) = &list.kind {
                        here.push(n.clone());
                    }
                }
                ExprKind::Var(n) => reads.push(n.clone()),
                _ => {}
            });
        }
        for n in &reads {
            let read_here = here.contains(n) && reads.iter().filter(|r| *r == n).count() > 1;
            if (gathered.contains(n) || read_here) && !out.contains(n) {
                out.push(n.clone());
            }
        }
        gathered.extend(here);
    });
    // A list read by index is gathered through clones of its tasks.
    let shared = super::shared_tasks::indexed_lists(block);
    out.retain(|l| !shared.contains(l));
    out
}

/// Every `await asyncio.gather(...)` of tasks that run a coroutine that can
/// raise: asyncio's `gather` raises the first exception as it happens,
/// while the other tasks go on; `try_join_all` of their handles gives each
/// task's `Result` once all have ended, so the listing would print the
/// results where Python raises. And every `await t` of a loop's task over
/// a list of such tasks (see [`awaited_items`]).
pub(super) fn failing_gathers(demo: &Demo) -> Vec<Untranslatable> {
    let fallible = raises::fallible(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        let tasks = raises::failing_tasks(f, &fallible);
        // A list read by index is shared: its gather passes errors on.
        let shared = super::shared_tasks::shared_lists(f);
        let mut lists = raises::failing_lists(f, &fallible);
        lists.retain(|l| !shared.contains(l));
        let failing = |e: &Expr| match &e.kind {
            ExprKind::Var(n) => lists.contains(n) || tasks.contains_key(n),
            _ => false,
        };
        walk(&f.body, &mut |s| {
            // `await t` of a loop's task over such a list.
            if let StmtKind::For { var, over, body } = &s.kind
                && let ExprKind::Var(list) = &over.kind
                && lists.contains(list)
            {
                out.extend(awaited_items(body, var));
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    let ExprKind::GatherAll(list) = &x.kind else {
                        return;
                    };
                    let raises = match &list.kind {
                        ExprKind::List(items) => items.iter().any(failing),
                        _ => failing(list),
                    };
                    if raises {
                        out.push(Untranslatable {
                            span: x.span.clone(),
                            construct: "`asyncio.gather` of tasks that can raise".into(),
                            reason: "`gather` raises the first exception of its tasks as it \
                                     happens, while the others go on; `try_join_all` of their \
                                     handles gives each task's `Result` once all have ended: \
                                     await each task in a `try` of its own"
                                .into(),
                        });
                    }
                });
            }
        });
    }
    out
}

/// Each `await t` in `body` of the loop variable `var` (a task of a list
/// whose coroutine can raise): the listing passes a task's exception on
/// only for a task kept in a variable of its own.
fn awaited_items(body: &Block, var: &str) -> Vec<Untranslatable> {
    let refusal = |span: &std::ops::Range<usize>| Untranslatable {
        span: span.clone(),
        construct: "awaiting a task of a list whose coroutine can raise".into(),
        reason: "the Rust listing passes a task's exception on with `?` for a task kept in a \
                 variable of its own: keep each task in a variable, or gather the coroutine \
                 calls"
            .into(),
    };
    let mut out = Vec::new();
    walk(body, &mut |s| {
        if matches!(&s.kind, StmtKind::Join { target, .. } if target == var) {
            out.push(refusal(&s.span));
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if matches!(&x.kind, ExprKind::Join(t) if t == var) {
                    out.push(refusal(&x.span));
                }
            });
        }
    });
    out
}
