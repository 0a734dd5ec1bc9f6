//! The methods of a task kept in a variable that give a value:
//! `task.cancelled()` (the Rust listing keeps a flag beside the handle: see
//! `render::rust`), `task.result()` and `task.cancel()`.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program as py;
use crate::render::plan::ir::expr::{ExprKind, TaskOp};

/// How many times `name` stands as a word in `source` right before `tail`
/// (`t.result()`) or right after `head` (`await t`).
fn count_word(source: &str, name: &str, head: &str, tail: &str) -> usize {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source
        .match_indices(name)
        .filter(|(i, _)| {
            let (before, after) = (&source[..*i], &source[i + name.len()..]);
            !before.ends_with(word)
                && before.ends_with(head)
                && after.starts_with(tail)
                && (!tail.is_empty() || !after.starts_with(word))
        })
        .count()
}

impl Planner<'_> {
    /// `task.cancelled()`, where `obj` names the task `task`. Refused when
    /// the program hands the task to a call: the listing moves the handle
    /// there, and dropping a `JoinHandle` detaches its task, where asyncio
    /// cancels a task awaited by a cancelled one.
    pub(super) fn task_cancelled(
        &self,
        sc: &Scope,
        obj: &py::Expr,
        task: &str,
    ) -> Result<ExprKind> {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let source = &self.program.source;
        let handed = source.match_indices(task).any(|(i, _)| {
            let before = source[..i].trim_end_matches(' ');
            let after = source[i + task.len()..].trim_start_matches(' ');
            !source[..i].ends_with(word)
                && !after.starts_with(word)
                && (before.ends_with('(') || before.ends_with(','))
                && (after.starts_with(')') || after.starts_with(','))
                && !before.ends_with("print(")
        });
        if handed {
            return refuse(
                &obj.span,
                format!("`{task}.cancelled()` of a task handed to a call"),
                "the Rust listing moves the task's `JoinHandle` into the call, and dropping a \
                 handle detaches its task, where asyncio cancels a task that a cancelled task \
                 awaits: keep the task in the function that created it",
            );
        }
        Ok(ExprKind::Cancelled(sc.local(task, &obj.span)?))
    }

    /// `task.result()` or `task.cancel()` inside an expression, of a task
    /// kept in a variable; `None` for any other call.
    pub(super) fn task_method(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        for (method, op) in [("result", TaskOp::Result), ("cancel", TaskOp::Cancel)] {
            if let Some(obj) = super::stmt::method_call(e, method)
                && let Some(task) = super::stmt::local_name(obj)
                && sc.tasks.iter().any(|t| t == task)
            {
                if op == TaskOp::Result {
                    self.result_once(obj, task)?;
                }
                return Ok(Some(ExprKind::Task(op, sc.local(task, &obj.span)?)));
            }
        }
        Ok(None)
    }

    /// A `JoinHandle` gives its task's output once: `task.result()` is
    /// refused where the program also awaits the task, or reads its result
    /// twice.
    fn result_once(&self, obj: &py::Expr, task: &str) -> Result<()> {
        let source = &self.program.source;
        let reads = count_word(source, task, "", ".result()");
        let awaits = count_word(source, task, "await ", "");
        if reads > 1 || awaits > 0 {
            return refuse(
                &obj.span,
                format!("`{task}.result()` of a task also awaited"),
                "a `JoinHandle` hands its task's output over once, to the one `.await` of \
                 it: keep the value the first `await` gave",
            );
        }
        Ok(())
    }
}
