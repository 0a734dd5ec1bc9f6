//! `loop.create_task(f(...))` as a statement, on an event loop a plain
//! function made, out of its runs: a task of that runtime
//! (`runtime.spawn(...)`), which runs only while the runtime runs, in a
//! later `run_until_complete` or `run_forever`; a loop closed, or never
//! run again, never runs it again, as asyncio's does not. The run after
//! it lets the task go first (see `rust::loop_tasks`).

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program as py;
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};

impl Planner<'_> {
    /// `loop.create_task(c)` on the runtime `runtime`: the task spawned on
    /// it, of a call of a coroutine of the program.
    pub(super) fn loop_task(
        &self,
        sc: &mut Scope,
        c: &py::Expr,
        runtime: String,
    ) -> Result<Option<StmtKind>> {
        match self.user_call(sc, c, &[FunctionKind::Coroutine])? {
            Some(call) => Ok(Some(StmtKind::LoopSpawn { runtime, call })),
            None => refuse(
                &c.span,
                "this task of an event loop",
                "the Rust listing spawns on a runtime one call of a coroutine of the program: \
                 `loop.create_task(f(...))`",
            ),
        }
    }
}
