//! `task.cancelled()` of a task kept in a variable (the Rust listing keeps
//! a flag beside the handle: see `render::rust`).

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program as py;
use crate::render::plan::ir::expr::ExprKind;

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
}
