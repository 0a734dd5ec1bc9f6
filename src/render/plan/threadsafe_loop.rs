//! `future = asyncio.run_coroutine_threadsafe(f(...), loop)` in a
//! coroutine, of the running loop: asyncio hands the coroutine to the loop
//! as a callback that makes its task, so the task starts a step later than
//! one made just after it. The listing spawns a task that yields once
//! before it runs the coroutine (see `Demo::late_spawns`); `future.done()`
//! asks its handle, and `await asyncio.wrap_future(future)` awaits it. Its
//! `result()`, which would block the loop that runs the coroutine, is
//! refused.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module};
use crate::render::plan::ir::ast::FunctionKind;
use crate::render::plan::ir::expr::ExprKind;
use std::ops::Range;

impl Planner<'_> {
    /// Refuses a blocking read (`result()`, `exception()`) at `span` of a
    /// future kept in a coroutine: it blocks the loop its task needs.
    pub(super) fn blocking_read(
        &self,
        sc: &Scope,
        future: &str,
        span: &Range<usize>,
    ) -> Result<()> {
        if sc.kind != FunctionKind::Coroutine {
            return Ok(());
        }
        refuse(
            span,
            format!("a blocking read of `{future}` on the loop's own thread"),
            "a concurrent future's `result()` blocks its thread until the coroutine ends, and \
             the coroutine needs the loop this thread runs: await it with `await \
             asyncio.wrap_future(future)`",
        )
    }

    /// `asyncio.wrap_future(future)` of a future of
    /// `run_coroutine_threadsafe` kept here, awaited: its task, awaited;
    /// `None` for other awaits.
    pub(super) fn wrapped_future(&self, sc: &Scope, inner: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "wrap_future") {
            return Ok(None);
        }
        let [Arg::Positional(x)] = args.as_slice() else {
            return Ok(None);
        };
        if let Some(job) = self.wrapped_submitted(sc, x, &inner.span)? {
            return Ok(Some(ExprKind::Join(sc.local(job, &x.span)?)));
        }
        let Some(future) = local_name(x).filter(|v| sc.threadsafe.iter().any(|t| t == v)) else {
            return Ok(None);
        };
        self.read_after_cancel(future, &inner.span)?;
        super::threadsafe::read(sc, future, &inner.span)?;
        Ok(Some(ExprKind::Join(sc.local(future, &x.span)?)))
    }
}
