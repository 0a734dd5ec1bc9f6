//! `await asyncio.shield(f(...))`: the call runs as a task of its own, and
//! the Rust listing awaits its `JoinHandle`; cancelling the awaiting task
//! drops the handle, which detaches the task instead of aborting it.

use super::scope::Scope;
use super::stmt::one_arg;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};

impl Planner<'_> {
    /// `[into =] await asyncio.shield(f(...))`; `None` when `inner` is not
    /// a call of `asyncio.shield`.
    pub(super) fn shield(
        &self,
        sc: &mut Scope,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "shield") {
            return Ok(None);
        }
        let call = match one_arg(args) {
            Some(c) => self.user_call(sc, c, &[FunctionKind::Coroutine])?,
            None => None,
        };
        let Some(call) = call else {
            return refuse(
                &inner.span,
                "`asyncio.shield` of this",
                "the Rust listing shields one call of a coroutine of the program, awaited at \
                 once: `await asyncio.shield(f(...))`",
            );
        };
        Ok(Some(StmtKind::Shield { call, into }))
    }
}
