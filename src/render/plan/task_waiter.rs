//! `waiter = asyncio.create_task(asyncio.wait([task]))` of a task kept in
//! a variable: a task that waits for another to end (see
//! `render::rust`, which shares the awaited task's handle with it).

use super::scope::Scope;
use super::stmt::{local_name, one_arg};
use super::{Planner, Result};
use crate::program::{self as py, ExprKind as E, Module};
use crate::render::plan::ir::ast::StmtKind;

impl Planner<'_> {
    /// `var = asyncio.create_task(asyncio.wait([task]))` (`args` are
    /// `create_task`'s), of one task of the function, without `timeout=`
    /// or `return_when=`; `None` for any other task.
    pub(super) fn waiter_spawn(
        &self,
        sc: &mut Scope,
        var: &str,
        args: &[py::Arg],
    ) -> Result<Option<StmtKind>> {
        let Some(E::Call(f, wait_args)) = one_arg(args).map(|a| &a.kind) else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "wait") {
            return Ok(None);
        }
        let Some(E::List(items)) = one_arg(wait_args).map(|a| &a.kind) else {
            return Ok(None);
        };
        let [item] = items.as_slice() else {
            return Ok(None);
        };
        let Some(task) = local_name(item).filter(|t| sc.tasks.iter().any(|x| x == t)) else {
            return Ok(None);
        };
        let task = sc.local(task, &item.span)?;
        sc.tasks.push(var.to_string());
        sc.task_depths.insert(var.to_string(), sc.depth);
        Ok(Some(StmtKind::SpawnWaiter {
            into: var.to_string(),
            task,
        }))
    }
}
