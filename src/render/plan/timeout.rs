//! `asyncio.wait_for` where the program does not catch its `TimeoutError`:
//! Tokio's `timeout`, whose `Elapsed` error becomes the listing's
//! `Error::TimeoutError` and goes on up as an `Err`.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Module};
use crate::render::plan::ir::ast::{FunctionKind, Stmt, StmtKind};

impl Planner<'_> {
    /// `[into =] await asyncio.wait_for(f(...), timeout=...)` as a statement
    /// of `s`, outside a `try` that catches `TimeoutError`: a
    /// [`StmtKind::WaitFor`] with nothing after the call and a timeout that
    /// raises `TimeoutError()`. `None` when `inner` is not that call.
    pub(super) fn wait_for_raising(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "wait_for") {
            return Ok(None);
        }
        let (call, timeout) = match args.as_slice() {
            [Arg::Positional(c), Arg::Keyword(k, t)] if &**k == "timeout" => (c, t),
            [Arg::Positional(c), Arg::Positional(t)] => (c, t),
            _ => return Ok(None),
        };
        let Some(call) = self.user_call(sc, call, &[FunctionKind::Coroutine])? else {
            return Ok(None);
        };
        let raise = Stmt {
            id: s.id,
            span: s.span.clone(),
            kind: StmtKind::Raise {
                class: "TimeoutError".into(),
                message: None,
            },
        };
        Ok(Some(StmtKind::WaitFor {
            call,
            timeout: self.expr(sc, timeout)?,
            into,
            body: Vec::new(),
            on_timeout: vec![raise],
            token: None,
        }))
    }
}
