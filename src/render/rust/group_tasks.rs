//! A TaskGroup whose children cannot fail, and the tasks it keeps in
//! variables (see `plan::group_tasks`): its unkept children are spawned
//! on a `JoinSet`, its kept ones are tasks of their own whose handles the
//! variables hold, and the group's end awaits them all. A kept task's
//! output is kept for the reads after the block (`t.result()`), and
//! `t.done()` is then true.

use super::Renderer;
use super::names::ident;
use super::task_output::{output_name, output_reads};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind, walk};
use crate::render::plan::ir::raises::fallible;

/// Every task kept from a group whose coroutine can raise: asyncio's
/// group would cancel the other children at its exception, which a task
/// of its own does not tell the group.
pub(super) fn failing_kept(demo: &Demo) -> Vec<Untranslatable> {
    let failing = fallible(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            let StmtKind::TaskGroup { body, kept, .. } = &s.kind else {
                return;
            };
            for s in body {
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
            if self.output_read(task) {
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

    /// Whether the current function reads `task`'s output (`t.result()`
    /// or `await t`).
    fn output_read(&self, task: &str) -> bool {
        let mut found = false;
        if let Some(f) = self.demo.function(&self.func) {
            walk(&f.body, &mut |s| {
                found |= output_reads(s).iter().any(|t| t == task);
            });
        }
        found
    }
}
