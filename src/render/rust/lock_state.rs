//! `lock.locked()` of an `asyncio.Lock` that other tasks may wait for.
//! asyncio's lock is unlocked from its `release` until the waiter it wakes
//! runs and takes it; Tokio's `Mutex` hands itself to that waiter at once,
//! so `try_lock` would find it locked where Python prints `False`. Where
//! the lock stays in the function that made it (no call is given it, no
//! other function takes it) no task can wait for it and `try_lock` tells
//! the truth; elsewhere the read is refused at its place. A semaphore's
//! `locked()` counts a woken waiter as Tokio does, and is kept.

use super::expr_walk::each_function_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::ExprKind;

/// Every `locked()` of a lock that a call is given or a parameter holds.
pub(super) fn shared_lock_reads(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut reads = Vec::new();
    let mut passed = Vec::new();
    each_function_expr(demo, &mut |f, e| match &e.kind {
        ExprKind::Locked(v) if types.var(&f.name, v) == Ty::Sync(true) => {
            reads.push((f, v, e.span.clone()));
        }
        ExprKind::Var(v) => passed.push((f.name.as_str(), v.as_str())),
        _ => {}
    });
    reads
        .into_iter()
        .filter(|(f, v, _)| f.params.contains(v) || passed.contains(&(f.name.as_str(), v.as_str())))
        .map(|(_, v, span)| Untranslatable {
            span,
            construct: format!("`{v}.locked()` of a lock other tasks may wait for"),
            reason: "asyncio's lock is unlocked from its `release` until the waiter it wakes \
                     runs; Tokio's `Mutex` hands itself to that waiter at once, and `try_lock` \
                     would find it locked"
                .into(),
        })
        .collect()
}
