//! `asyncio.run_coroutine_threadsafe(f(...), loop)` in a plain function run
//! only as an executor's job, given the event loop as an argument:
//! `future = asyncio.run_coroutine_threadsafe(...)` then `future.result()`,
//! or `asyncio.run_coroutine_threadsafe(...).result()` at once. The job is
//! a stand-in coroutine in the Rust listing (see `plan::jobs`): the
//! coroutine is a task it spawns, and `result()` awaits the task's output.

use super::scope::Scope;
use super::stmt::{local_name, method_call};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module};
use crate::render::plan::ir::ast::{Call, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

const THREADSAFE: &str = "the Rust listing translates `asyncio.run_coroutine_threadsafe(f(...), \
                          loop)` of a coroutine of the program, in a plain function run only as \
                          an executor's job and given the running loop: kept as `future = ...` \
                          then waited for with `future.result()`, or `....result()` at once";

impl Planner<'_> {
    /// `asyncio.run_coroutine_threadsafe(f(...), loop)` in a job given
    /// `loop`: the call of `f`; `None` when `e` is not that call.
    fn threadsafe_call(&self, sc: &Scope, e: &py::Expr) -> Result<Option<Call>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "run_coroutine_threadsafe") {
            return Ok(None);
        }
        let in_job = sc.kind == FunctionKind::Blocking
            && sc
                .loop_owner
                .as_deref()
                .is_some_and(|name| self.handed_to_executor(name) && !self.called_directly(name));
        let (coro, lp) = match args.as_slice() {
            [Arg::Positional(c), Arg::Positional(l)] => (c, l),
            _ => {
                return refuse(
                    &e.span,
                    "this `asyncio.run_coroutine_threadsafe`",
                    THREADSAFE,
                );
            }
        };
        let given = local_name(lp).is_some_and(|l| sc.loops.iter().any(|x| x == l));
        if !in_job || !given {
            return refuse(
                &e.span,
                "this `asyncio.run_coroutine_threadsafe`",
                THREADSAFE,
            );
        }
        let E::Call(g, g_args) = &coro.kind else {
            return refuse(&coro.span, "running this on the loop", THREADSAFE);
        };
        match self.coroutine_call(sc, coro, g, g_args)? {
            Some(call) => Ok(Some(call)),
            None => refuse(&coro.span, "running this on the loop", THREADSAFE),
        }
    }

    /// `future = asyncio.run_coroutine_threadsafe(f(...), loop)`: a task.
    pub(super) fn threadsafe_spawn(
        &self,
        sc: &mut Scope,
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let Some(call) = self.threadsafe_call(sc, value)? else {
            return Ok(None);
        };
        if sc.threadsafe.iter().any(|f| f == var) {
            return refuse(
                &value.span,
                format!("a second future kept in `{var}`"),
                "the Rust listing keeps each task's handle in a variable of its own: the \
                 handle's type names its task's output, which it gives once",
            );
        }
        sc.threadsafe.push(var.to_string());
        Ok(Some(StmtKind::Spawn {
            call,
            into: var.to_string(),
        }))
    }

    /// `future.result()` (or `asyncio.run_coroutine_threadsafe(...).result()`)
    /// as a statement: the task (or the coroutine) awaited for its end.
    pub(super) fn threadsafe_stmt(&self, sc: &Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        Ok(match self.threadsafe_result(sc, e)? {
            Some(ExprKind::Join(target)) => Some(StmtKind::Join { target, into: None }),
            Some(ExprKind::Await(call)) => Some(StmtKind::Await { call, into: None }),
            _ => None,
        })
    }

    /// `future.result()` of such a future, or
    /// `asyncio.run_coroutine_threadsafe(f(...), loop).result()`: the
    /// task's output, awaited; `None` for other expressions.
    pub(super) fn threadsafe_result(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let Some(obj) = method_call(e, "result") else {
            return Ok(None);
        };
        if let Some(future) = local_name(obj)
            && sc.threadsafe.iter().any(|f| f == future)
        {
            return Ok(Some(ExprKind::Join(sc.local(future, &obj.span)?)));
        }
        Ok(self.threadsafe_call(sc, obj)?.map(ExprKind::Await))
    }
}
