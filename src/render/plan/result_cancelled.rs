//! `try: task.result() except asyncio.CancelledError: body`, of a task the
//! function made: `result()` raises the cancellation of a cancelled task
//! (and gives the value of one that ended, which the statement drops). The
//! Rust listing reads whether the task was cancelled, as `task.cancelled()`
//! does, and runs `body` then.

use super::scope::Scope;
use super::stmt::{Step, local_name, method_call, one};
use super::{Planner, Result};
use crate::program::{self as py, StmtKind as P};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;

impl Planner<'_> {
    /// The statement for `try: task.result() except CancelledError: on_cancel`
    /// (`s`); `None` for another `try`.
    pub(super) fn result_cancelled(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        body: &[py::Stmt],
        on_cancel: &[py::Stmt],
    ) -> Result<Option<Step>> {
        let [
            py::Stmt {
                kind: P::Expr(e), ..
            },
        ] = body
        else {
            return Ok(None);
        };
        let Some(obj) = method_call(e, "result") else {
            return Ok(None);
        };
        let Some(task) = local_name(obj).filter(|t| sc.tasks.iter().any(|k| k == t)) else {
            return Ok(None);
        };
        self.result_of_done(sc, obj, task)?;
        let cond = Expr {
            kind: self.task_cancelled(sc, obj, task)?,
            span: e.span.clone(),
        };
        let kind = StmtKind::If {
            cond,
            then: self.block(sc, on_cancel)?,
            otherwise: Vec::new(),
        };
        Ok(Some(one(s, kind)?))
    }
}
