//! `asyncio.TaskGroup`: the `async with` that makes one and the
//! `tg.create_task(...)` calls on it.

use super::scope::Scope;
use super::stmt::{local_name, one_arg};
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};

impl Planner<'_> {
    /// `asyncio.TaskGroup()`.
    pub(super) fn is_task_group(&self, e: &py::Expr) -> bool {
        matches!(&e.kind, E::Call(f, args)
            if args.is_empty() && self.is_member(f, Module::Asyncio, "TaskGroup"))
    }

    /// `group.create_task(f(...))` on a TaskGroup of this scope.
    pub(super) fn group_spawn(&self, sc: &mut Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(group) = local_name(obj).filter(|g| sc.groups.iter().any(|x| x == g)) else {
            return Ok(None);
        };
        if &**m != "create_task" {
            return refuse(
                &e.span,
                format!("`{group}.{m}`"),
                "the Rust listing translates a TaskGroup's `create_task` only",
            );
        }
        let call = match one_arg(args) {
            Some(c) => self.user_call(sc, c, &[FunctionKind::Coroutine])?,
            None => None,
        };
        let Some(call) = call else {
            return refuse(
                &e.span,
                format!("this `{group}.create_task`"),
                "the Rust listing spawns one call of a coroutine of the program on the group: \
                 `tg.create_task(f(...))`, without `name=`",
            );
        };
        Ok(Some(StmtKind::GroupSpawn {
            group: group.to_string(),
            call,
        }))
    }
}
