//! A TaskGroup whose children cannot fail, and the tasks it keeps in
//! variables (see `plan::group_tasks`): its unkept children are spawned
//! on a `JoinSet`, its kept ones are tasks of their own whose handles the
//! variables hold, and the group's end awaits them all. A kept task's
//! output is kept for the reads after the block (`t.result()`), and
//! `t.done()` is then true.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::names::ident;
use super::task_output::output_name;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Function, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use crate::render::plan::ir::raises::fallible;

/// Every task kept from a group whose coroutine can raise: asyncio's
/// group would cancel the other children at its exception, which a task
/// of its own does not tell the group.
pub(super) fn failing_kept(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let failing = fallible(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            let StmtKind::TaskGroup { body, kept, .. } = &s.kind else {
                return;
            };
            for s in body {
                if let StmtKind::Spawn { into, .. } = &s.kind
                    && kept.contains(into)
                    && spends(f, body, into)
                {
                    out.push(Untranslatable {
                        span: s.span.clone(),
                        construct: format!(
                            "a TaskGroup's task kept in `{into}`, awaited inside the group's \
                             block, cancelled or handed on"
                        ),
                        reason: "the group's end awaits a kept task's `JoinHandle`, which \
                                 spends it: the Rust listing reads a kept task's `done()` and \
                                 `get_name()`, and its `result()` (or `await`) after the block"
                            .into(),
                    });
                }
                if let StmtKind::Spawn { into, .. } = &s.kind
                    && kept.contains(into)
                    && types.var(&f.name, into).inner() == Ty::Unit
                    && reads_output(f, into)
                {
                    out.push(Untranslatable {
                        span: s.span.clone(),
                        construct: format!(
                            "the output of a TaskGroup's task kept in `{into}`, which is `None`"
                        ),
                        reason: "the group's end awaits a kept task's handle, and a coroutine \
                                 that returns nothing leaves no output to keep: write `None` \
                                 where the program reads it"
                            .into(),
                    });
                }
                if let StmtKind::Spawn { call, into } = &s.kind
                    && kept.contains(into)
                    && failing.contains(&call.name)
                {
                    out.push(Untranslatable {
                        span: s.span.clone(),
                        construct: format!("a TaskGroup's task kept in `{into}` that can raise"),
                        reason: "the Rust listing spawns a kept task of its own, so its \
                                 exception would not cancel the group's other children as \
                                 asyncio's group does: keep only tasks that raise nothing, or \
                                 spawn this one with `tg.create_task(...)` as a statement"
                            .into(),
                    });
                }
            }
        });
    }
    out
}

/// Whether `f` reads the task `task` its group (of block `body`) keeps
/// otherwise than the group's end leaves it to: awaited or its result read
/// inside the block, cancelled, or its handle handed on.
fn spends(f: &Function, body: &Block, task: &str) -> bool {
    let mut found = false;
    let mut look = |s: &Stmt, inside: bool| {
        found |= matches!(&s.kind, StmtKind::Cancel { task: t } if t == task);
        found |= inside && matches!(&s.kind, StmtKind::Join { target, .. } if target == task);
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                found |= match &x.kind {
                    ExprKind::Var(t) => t == task,
                    ExprKind::Task(TaskOp::Cancel | TaskOp::ExceptionRepr, t) => t == task,
                    ExprKind::Join(t) | ExprKind::Task(TaskOp::Result | TaskOp::ResultNow, t) => {
                        inside && t == task
                    }
                    _ => false,
                };
            });
        }
    };
    walk(&f.body, &mut |s| look(s, false));
    walk(body, &mut |s| look(s, true));
    found
}

/// Whether `f` reads `task`'s output as a value: `t.result()`, or
/// `x = await t`.
fn reads_output(f: &Function, task: &str) -> bool {
    let mut found = false;
    walk(&f.body, &mut |s| {
        found |= matches!(&s.kind, StmtKind::Join { target, into: Some(_) } if target == task);
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                found |= matches!(&x.kind, ExprKind::Join(t) | ExprKind::Task(TaskOp::Result | TaskOp::ResultNow, t)
                    if t == task);
            });
        }
    });
    found
}

impl Renderer<'_> {
    /// `async with asyncio.TaskGroup() as group:` whose children cannot
    /// fail: the `JoinSet` of its unkept children (when it has some) is
    /// joined at its end, and then the tasks it keeps.
    pub(super) fn task_group(&mut self, group: &str, body: &Block, kept: &[String]) {
        let mut spawns = false;
        walk(body, &mut |s| {
            spawns |= matches!(&s.kind, StmtKind::GroupSpawn { group: g, .. } if g == group);
        });
        let g = ident(group);
        if !kept.is_empty() {
            self.line(format!(
                "// The tasks `{group}` keeps in variables are spawned alone; its end awaits them."
            ));
        }
        if spawns {
            self.use_("tokio::task", "JoinSet");
            self.declared.insert(group.to_string());
            self.line(format!("let mut {g} = JoinSet::new();"));
        }
        self.body(body, false);
        if spawns {
            self.line(
                "// Waits for every child; a child's panic resumes here and aborts the rest.",
            );
            self.line(format!("{g}.join_all().await;"));
        }
        if kept.is_empty() {
            return;
        }
        self.line("// The group's end awaits the tasks it keeps too; each output is kept.");
        for task in kept {
            let read = self
                .demo
                .function(&self.func)
                .is_some_and(|f| reads_output(f, task));
            if read && self.var_ty(task).inner() != Ty::Unit {
                self.line(format!(
                    "let {} = {}.await.unwrap();",
                    output_name(task),
                    ident(task)
                ));
            } else {
                self.line(format!("{}.await.unwrap();", ident(task)));
            }
            self.taken.insert(task.clone());
        }
    }
}
