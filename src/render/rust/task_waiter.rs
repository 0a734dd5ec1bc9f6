//! `waiter = asyncio.create_task(asyncio.wait([task]))`: a task that waits
//! for another to end. Cancelling the waiter leaves the awaited task
//! running, and the program still awaits that task itself; a `JoinHandle`
//! has one owner and gives its output once, so the awaited task is a
//! `Shared` handle (see `shared_handle`) and the waiter a task that awaits
//! a clone of it, giving nothing: aborting the waiter drops only that
//! clone. What `asyncio.wait` gives (the sets of done and pending tasks)
//! has no counterpart here, and reading it is refused.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::names::ident;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};

/// Whether `body` spawns a task that waits for `task`.
pub(super) fn waited_for(body: &Block, task: &str) -> bool {
    let mut found = false;
    walk(body, &mut |s| {
        found |= matches!(&s.kind, StmtKind::SpawnWaiter { task: t, .. } if t == task);
    });
    found
}

/// Every read of what a waiter gives (`x = await waiter`, `await waiter`
/// inside an expression, `waiter.result()`): the listing's waiter gives
/// the awaited task's output, not `asyncio.wait`'s sets.
pub(super) fn waiter_reads(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let (mut waiters, mut waited) = (Vec::new(), Vec::new());
        f.walk(&mut |s| {
            if let StmtKind::SpawnWaiter { into, task } = &s.kind {
                waiters.push(into.clone());
                waited.push(task.clone());
            }
        });
        let handled = |span: &std::ops::Range<usize>, task: &str| Untranslatable {
            span: span.clone(),
            construct: format!("this use of `{task}`, which a task waits for"),
            reason: format!(
                "the Rust listing shares `{task}`'s handle with the task that waits for it, and \
                 a `Shared` handle can be awaited and asked whether it is done, not cancelled, \
                 named or asked how it ended"
            ),
        };
        let refusal = |span: &std::ops::Range<usize>| Untranslatable {
            span: span.clone(),
            construct: "what a task running `asyncio.wait` gives".into(),
            reason: "the Rust listing's waiter awaits a clone of the task's shared handle, \
                     which gives the task's output, not the sets of done and pending tasks: \
                     read the task itself"
                .into(),
        };
        walk(&f.body, &mut |s| {
            if let StmtKind::Join {
                target,
                into: Some(_),
            } = &s.kind
                && waiters.contains(target)
            {
                out.push(refusal(&s.span));
            }
            if let StmtKind::Cancel { task } = &s.kind
                && waited.contains(task)
            {
                out.push(handled(&s.span, task));
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| match &x.kind {
                    ExprKind::Join(t) | ExprKind::Task(TaskOp::Result | TaskOp::ResultNow, t)
                        if waiters.contains(t) =>
                    {
                        out.push(refusal(&x.span))
                    }
                    ExprKind::Task(_, t) | ExprKind::Cancelled(t) if waited.contains(t) => {
                        out.push(handled(&x.span, t))
                    }
                    _ => {}
                });
            }
        });
    }
    out
}

impl Renderer<'_> {
    /// `let waiter = tokio::spawn(task.clone().map(|_| ()));`: the waiter
    /// gives nothing (what it awaits goes on to the task's own reads).
    pub(super) fn spawn_waiter(&mut self, into: &str, task: &str) {
        self.line(format!(
            "// `asyncio.wait([{task}])`: a task awaiting a clone of the shared handle;"
        ));
        self.line(format!("// aborting it leaves `{task}` running."));
        let bind = self.bind(into);
        self.line(format!(
            "{bind}tokio::spawn({}.clone().map(|_| ()));",
            ident(task)
        ));
        self.abort_flag(into);
    }
}
