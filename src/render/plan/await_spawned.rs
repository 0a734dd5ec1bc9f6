//! `await asyncio.create_task(f(...))` as a statement: the task is
//! spawned into a variable of its own, then its `JoinHandle` awaited (its
//! exception goes on up as the task's `Err`).

use super::Planner;
use super::Result;
use super::scope::Scope;
use super::stmt::one_arg;
use crate::program::{self as py, ExprKind as E, Module};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};

impl Planner<'_> {
    /// `into = await asyncio.create_task(f(...))`; `None` for another
    /// await.
    pub(super) fn await_spawned(
        &self,
        sc: &mut Scope,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "create_task") {
            return Ok(None);
        }
        let Some(c) = one_arg(args) else {
            return Ok(None);
        };
        let Some(call) = self.user_call(sc, c, &[FunctionKind::Coroutine])? else {
            return Ok(None);
        };
        let task = format!("{}_task", call.name);
        // A name of the program's own is not taken over.
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let source = &self.program.source;
        if source.match_indices(&task).any(|(i, _)| {
            !source[..i].ends_with(word) && !source[i + task.len()..].starts_with(word)
        }) {
            return Ok(None);
        }
        self.lifted.borrow_mut().push(StmtKind::Spawn {
            call,
            into: task.clone(),
        });
        sc.tasks.push(task.clone());
        Ok(Some(StmtKind::Join { target: task, into }))
    }
}
