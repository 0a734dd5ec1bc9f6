//! A task whose output the program reads more than once (`await task`
//! twice, or `await task` and `task.result()`): a `JoinHandle` hands the
//! output over once, and is spent then. The first read awaits the handle
//! into `task_output`, just before its statement (before the `try` whose
//! block starts with it); the later reads read that variable, and
//! `task.done()` is then true. The kept output of a task that can fail is
//! its `Result`, which each read clones (the `Error` enum derives `Clone`
//! then) and passes on with `?`.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::{Code, lit};
use super::expr_walk::each_expr;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Demo, Function, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use crate::render::plan::ir::value::Value;
use std::collections::HashSet;

/// The tasks whose output `s` reads first: its own expressions, or those
/// of the first statement of the `try` it is.
fn first_reads(s: &Stmt) -> Vec<String> {
    match &s.kind {
        StmtKind::Catch { body, .. } => body.first().map(output_reads).unwrap_or_default(),
        _ => output_reads(s),
    }
}

/// How many times `s` and the statements inside it read `task`'s output.
fn reads_within(s: &Stmt, task: &str) -> usize {
    let mut n = output_reads(s).iter().filter(|t| *t == task).count();
    for inner in s.blocks() {
        walk(inner, &mut |s| {
            n += output_reads(s).iter().filter(|t| *t == task).count()
        });
    }
    n
}

/// Whether `f` reads `task`'s output more than once: a task it spawns (or
/// is handed as a parameter) and reads in its own block (not in a loop or a branch), or as the first
/// statement of a `try` there, and never aborts.
pub(super) fn keeps_output(f: &Function, task: &str) -> bool {
    let mut reads = 0;
    let mut aborted = false;
    walk(&f.body, &mut |s| {
        reads += output_reads(s).iter().filter(|t| *t == task).count();
        aborted |= matches!(&s.kind, StmtKind::Cancel { task: t } if t == task);
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                aborted |= matches!(&x.kind, ExprKind::Task(TaskOp::Cancel, t) if t == task);
            });
        }
    });
    // Each statement of the block that reads it reads it at its top.
    let placed = f.body.iter().all(|s| {
        let within = reads_within(s, task);
        within == 0
            || within == output_reads(s).iter().filter(|t| *t == task).count()
            || matches!(&s.kind, StmtKind::Catch { body, .. }
                if body.first().is_some_and(|b| reads_within(s, task) == reads_within(b, task)
                    && within == output_reads(b).iter().filter(|t| *t == task).count()))
    });
    let spawned = f
        .body
        .iter()
        .filter(|s| matches!(&s.kind, StmtKind::Spawn { into, .. } if into == task))
        .count();
    // A mixed gather keeps the output itself (see `gather_mixed`).
    let mut gathered = false;
    walk(&f.body, &mut |s| {
        if let StmtKind::Set { value, .. } = &s.kind {
            gathered |= super::gather_mixed::gathered_tasks(value).any(|t| t == task);
        }
    });
    // A variable that holds one task after another has no one output; a
    // task handed in as a parameter is the one it was given.
    let handed = spawned == 0 && f.params.iter().any(|p| p == task);
    reads > 1
        && placed
        && (spawned == 1 || handed)
        && !aborted
        && !gathered
        && !super::shared_handle::shared_handle(f, task)
}

/// Whether some function keeps the output of a task that can fail: the
/// `Error` enum is then `Clone`.
pub(super) fn clones_errors(demo: &Demo, fallible: &HashSet<String>) -> bool {
    demo.functions.iter().any(|f| {
        crate::render::plan::ir::raises::failing_tasks(f, fallible)
            .keys()
            .any(|t| keeps_output(f, t) || super::shared_handle::shared_handle(f, t))
    })
}

/// The tasks whose output `s` reads (its own expressions only).
fn output_reads(s: &Stmt) -> Vec<String> {
    let mut out = Vec::new();
    if let StmtKind::Join { target, .. } = &s.kind {
        out.push(target.clone());
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| match &x.kind {
            ExprKind::Join(t) | ExprKind::Task(TaskOp::Result | TaskOp::ResultNow, t)
                if !out.contains(t) =>
            {
                out.push(t.clone())
            }
            _ => {}
        });
    }
    out
}

impl Renderer<'_> {
    /// Whether the current function keeps `task`'s output.
    fn keeps_output(&self, task: &str) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| keeps_output(f, task))
    }

    /// Whether `task` of the current function can fail.
    fn task_fails(&self, task: &str) -> bool {
        self.demo.function(&self.func).is_some_and(|f| {
            crate::render::plan::ir::raises::failing_tasks(f, &self.fallible).contains_key(task)
        })
    }

    /// On entering a function: no output is taken yet, and a handle whose
    /// output is kept is spent by value, not awaited through `&mut`.
    pub(super) fn start_outputs(&mut self) {
        self.taken.clear();
        let Some(f) = self.demo.function(&self.func) else {
            return;
        };
        let mut tasks = Vec::new();
        walk(&f.body, &mut |s| {
            for t in output_reads(s) {
                if !tasks.contains(&t) {
                    tasks.push(t);
                }
            }
        });
        for t in tasks {
            if self.keeps_output(&t) {
                self.assigned.remove(&t);
            }
        }
        // A group's end spends the handles of the tasks it keeps.
        walk(&f.body, &mut |s| {
            if let StmtKind::TaskGroup { kept, .. } = &s.kind {
                for t in kept {
                    self.assigned.remove(t);
                }
            }
        });
    }

    /// Before a statement: the first read of a kept output awaits the
    /// task's handle into its variable.
    pub(super) fn take_outputs(&mut self, s: &Stmt) {
        for task in first_reads(s) {
            if self.taken.contains(&task) || !self.keeps_output(&task) {
                continue;
            }
            if !matches!(self.var_ty(&task), Ty::Task(_)) {
                continue;
            }
            let reader = match &s.kind {
                StmtKind::Catch { body, .. } => body.first(),
                _ => Some(s),
            };
            if reader.is_some_and(|r| super::task_poll::reads_now(r, &task)) {
                self.assert_finished(&task);
            }
            self.line("// A handle gives its task's output once: kept for every read.");
            let handle = self.handed_handle(&task, ident(&task));
            self.line(format!(
                "let {} = {handle}.await.unwrap();",
                output_name(&task)
            ));
            self.taken.insert(task);
        }
    }

    /// A read of `task`'s kept output, once taken.
    pub(super) fn kept_output(&self, task: &str) -> Option<Code> {
        if !self.taken.contains(task) {
            return None;
        }
        if self.task_fails(task) {
            // A `Result`: each read clones it, and passes its error on.
            let mut c = Code::new(
                format!("{}.clone()?", output_name(task)),
                self.var_ty(task).inner(),
                10,
            );
            c.fresh = true;
            return Some(c);
        }
        // Read as a variable is: borrowed, or cloned where a value is owned.
        Some(Code::new(output_name(task), self.var_ty(task).inner(), 10))
    }

    /// `into = await task` once the output is taken: a copy of it.
    pub(super) fn join_taken(&mut self, task: &str, into: Option<&str>) -> bool {
        let Some(kept) = self.kept_output(task) else {
            return false;
        };
        // A task its group keeps, awaited for nothing: the group's end awaited it.
        if into.is_none() && !self.keeps_output(task) {
            self.line(format!(
                "// `await {task}`: the group's end has awaited it."
            ));
            return true;
        }
        // `await task` again for nothing: the kept output is there, unread.
        if into.is_none() && !kept.fresh {
            self.line(format!(
                "// `await {task}` again: its output is kept in `{}`.",
                kept.text
            ));
            return true;
        }
        let into = into.filter(|_| kept.ty != Ty::Unit);
        let value = if kept.ty.is_copy() || kept.fresh {
            kept.text
        } else {
            format!("{}.clone()", kept.text)
        };
        self.assign(into, &value);
        true
    }

    /// `task.done()` once the output is taken: the handle is spent, and
    /// the task finished.
    pub(super) fn done_taken(&self, task: &str) -> Option<Code> {
        self.taken.contains(task).then(|| lit(&Value::Bool(true)))
    }
}

/// The variable that keeps `task`'s output.
pub(super) fn output_name(task: &str) -> String {
    format!("{}_output", task.trim_start_matches("r#"))
}
