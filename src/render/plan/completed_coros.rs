//! `asyncio.as_completed(coros)` over coroutines, not tasks: asyncio wraps
//! each in a task of its own, which the Rust listing's `FuturesUnordered`
//! stands for as it does for a list of tasks (each future polled there,
//! all of them at once). A comprehension's loop may take pairs apart
//! (`[f(a, b) for a, b in pairs]`, or of tasks
//! `[asyncio.create_task(f(a, b)) for a, b in pairs]`).

use super::scope::Scope;
use super::stmt::one_arg;
use super::{Planner, Result};
use crate::program::{self as py, ExprKind as E, Module, Target};
use crate::render::plan::ir::ast::{Call, Calls, FunctionKind};

impl Planner<'_> {
    /// The calls of what `as_completed` takes: a list of tasks created in
    /// order, or of coroutine calls of the program (written one by one or
    /// by a comprehension); `None` for anything else.
    pub(super) fn completed_list(&self, sc: &mut Scope, e: &py::Expr) -> Result<Option<Calls>> {
        if let Some(calls) = self.task_list(sc, e)? {
            return Ok(Some(calls));
        }
        let mut coro = |sc: &mut Scope, e: &py::Expr| -> Result<Option<Call>> {
            self.user_call(sc, e, &[FunctionKind::Coroutine])
        };
        // `asyncio.create_task(f(a, b))` or `f(a, b)`, for a comprehension
        // that takes pairs apart: the same future in `FuturesUnordered`.
        let task_or_coro = |sc: &mut Scope, e: &py::Expr| -> Result<Option<Call>> {
            match &e.kind {
                E::Call(f, args) if self.is_member(f, Module::Asyncio, "create_task") => {
                    match one_arg(args) {
                        Some(c) => self.user_call(sc, c, &[FunctionKind::Coroutine]),
                        None => Ok(None),
                    }
                }
                _ => self.user_call(sc, e, &[FunctionKind::Coroutine]),
            }
        };
        match &e.kind {
            E::List(items) if !items.is_empty() => {
                let mut calls = Vec::new();
                for item in items {
                    let Some(c) = coro(sc, item)? else {
                        return Ok(None);
                    };
                    calls.push(c);
                }
                Ok(Some(Calls::List(calls)))
            }
            E::Comprehension(c) => {
                if let [g] = c.generators.as_slice()
                    && let Target::Unpack(..) = g.target
                    && g.ifs.is_empty()
                    && !c.is_async
                    && matches!(c.kind, py::CompKind::List | py::CompKind::Generator)
                {
                    let var = self.loop_pattern(sc, &g.target, &c.element.span)?;
                    let Some(call) = task_or_coro(sc, &c.element)? else {
                        return Ok(None);
                    };
                    let over = self.expr(sc, &g.iter)?;
                    return Ok(Some(Calls::Each { call, var, over }));
                }
                self.each(sc, c, &mut coro)
            }
            _ => Ok(None),
        }
    }
}
