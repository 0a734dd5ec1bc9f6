//! `t.result()` or `await t` inside an expression, outside any `try`, of
//! a task whose coroutine can raise, in a function that cannot fail
//! otherwise: the listing would pass the task's exception on with `?` in a
//! function that returns no `Result`. It is refused at the read.

use super::analysis::{each_expr, stmt_exprs};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use crate::render::plan::ir::raises;
use std::collections::HashMap;

/// Each such read of `block`, outside its `try` blocks.
fn reads_outside_try(
    block: &Block,
    tasks: &HashMap<String, String>,
    out: &mut Vec<Untranslatable>,
) {
    for s in block {
        if let StmtKind::Catch {
            handlers,
            orelse,
            finally,
            ..
        } = &s.kind
        {
            for h in handlers {
                reads_outside_try(&h.body, tasks, out);
            }
            reads_outside_try(orelse, tasks, out);
            reads_outside_try(finally, tasks, out);
            continue;
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                let (ExprKind::Join(t) | ExprKind::Task(TaskOp::Result, t)) = &x.kind else {
                    return;
                };
                if tasks.contains_key(t) {
                    out.push(Untranslatable {
                        span: x.span.clone(),
                        construct: "the result of a task that can raise, outside a `try`".into(),
                        reason: "the Rust listing passes a task's exception on with `?`, which \
                                 this function, returning no `Result`, cannot: read it in a \
                                 `try`, or await the task as a statement of its own"
                            .into(),
                    });
                }
            });
        }
        for inner in s.blocks() {
            reads_outside_try(inner, tasks, out);
        }
    }
}

/// Every read of a failing task's result, outside a `try`, in a function
/// of `demo` that cannot fail.
pub(super) fn failing_reads(demo: &Demo) -> Vec<Untranslatable> {
    let fallible = raises::fallible(demo);
    let mut out = Vec::new();
    for f in demo
        .functions
        .iter()
        .filter(|f| !fallible.contains(&f.name))
    {
        let tasks = raises::failing_tasks(f, &fallible);
        if !tasks.is_empty() {
            reads_outside_try(&f.body, &tasks, &mut out);
        }
    }
    out
}
