//! A task whose output the program reads more than once (`await task`
//! twice, or `await task` and `task.result()`): a `JoinHandle` hands the
//! output over once, and is spent then. The first read awaits the handle
//! into `task_output`, just before its statement; the later reads read
//! that variable, and `task.done()` is then true.

use super::Renderer;
use super::analysis::{each_expr, stmt_exprs};
use super::code::{Code, lit};
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use crate::render::plan::ir::value::Value;

/// The tasks whose output `s` reads (its own expressions only).
fn output_reads(s: &Stmt) -> Vec<String> {
    let mut out = Vec::new();
    if let StmtKind::Join { target, .. } = &s.kind {
        out.push(target.clone());
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| match &x.kind {
            ExprKind::Join(t) | ExprKind::Task(TaskOp::Result, t) if !out.contains(t) => {
                out.push(t.clone())
            }
            _ => {}
        });
    }
    out
}

impl Renderer<'_> {
    /// Whether the current function reads `task`'s output more than once:
    /// a task it spawns and reads in its own block (not in a loop or a
    /// branch), never aborts, and that cannot fail (the plan refuses
    /// those).
    fn keeps_output(&self, task: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let reads_in = |s: &Stmt| output_reads(s).iter().filter(|t| *t == task).count();
        let mut reads = 0;
        let mut aborted = false;
        walk(&f.body, &mut |s| {
            reads += reads_in(s);
            aborted |= matches!(&s.kind, StmtKind::Cancel { task: t } if t == task);
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    aborted |= matches!(&x.kind, ExprKind::Task(TaskOp::Cancel, t) if t == task);
                });
            }
        });
        let top: usize = f.body.iter().map(reads_in).sum();
        let spawned = f
            .body
            .iter()
            .any(|s| matches!(&s.kind, StmtKind::Spawn { into, .. } if into == task));
        let failing =
            crate::render::plan::ir::raises::failing_tasks(f, &self.fallible).contains_key(task);
        reads > 1 && top == reads && spawned && !aborted && !failing
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
    }

    /// Before a statement: the first read of a kept output awaits the
    /// task's handle into its variable.
    pub(super) fn take_outputs(&mut self, s: &Stmt) {
        for task in output_reads(s) {
            if self.taken.contains(&task) || !self.keeps_output(&task) {
                continue;
            }
            if !matches!(self.var_ty(&task), Ty::Task(_)) {
                continue;
            }
            self.line("// A handle gives its task's output once: kept for every read.");
            self.line(format!(
                "let {} = {}.await.unwrap();",
                output_name(&task),
                ident(&task)
            ));
            self.taken.insert(task);
        }
    }

    /// A read of `task`'s kept output, once taken.
    pub(super) fn kept_output(&self, task: &str) -> Option<Code> {
        if !self.taken.contains(task) {
            return None;
        }
        // Read as a variable is: borrowed, or cloned where a value is owned.
        Some(Code::new(output_name(task), self.var_ty(task).inner(), 10))
    }

    /// `into = await task` once the output is taken: a copy of it.
    pub(super) fn join_taken(&mut self, task: &str, into: Option<&str>) -> bool {
        let Some(kept) = self.kept_output(task) else {
            return false;
        };
        let into = into.filter(|_| kept.ty != Ty::Unit);
        let value = if kept.ty.is_copy() {
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
fn output_name(task: &str) -> String {
    format!("{}_output", task.trim_start_matches("r#"))
}
