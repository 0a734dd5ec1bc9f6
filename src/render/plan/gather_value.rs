//! `asyncio.gather` beyond a plain `x = await asyncio.gather(...)`: its
//! results unpacked (`a, b = await asyncio.gather(f(), g())`), and a gather
//! kept as a value and awaited later (`g = asyncio.gather(f(), g())`).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Module};
use crate::render::plan::ir::ast::{Calls, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Planner<'_> {
    /// `(a, b) = await asyncio.gather(f(...), g(...))`: one name per call
    /// written, each bound to its call's result; `None` for other shapes.
    pub(super) fn unpack_gather(
        &self,
        sc: &mut Scope,
        inner: &py::Expr,
        pattern: &str,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        let names = pattern.matches(", ").count() + 1;
        if !self.is_member(f, Module::Asyncio, "gather")
            || !pattern.starts_with('(')
            || args.len() != names
            || !args.iter().all(|a| matches!(a, Arg::Positional(_)))
        {
            return Ok(None);
        }
        let calls = self.gathered(sc, inner, args)?;
        if !matches!(&calls, Calls::List(list) if list.len() == names) {
            return Ok(None);
        }
        Ok(Some(StmtKind::Gather {
            calls,
            into: Some(pattern.to_string()),
        }))
    }

    /// `asyncio.gather(f(...), g(...))` not awaited where it is made: each
    /// coroutine is a task at once, as asyncio wraps them; awaiting the
    /// list later gathers their results.
    pub(super) fn kept_gather(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        if !self.is_member(f, Module::Asyncio, "gather") || args.is_empty() {
            return Ok(None);
        }
        let mut tasks = Vec::new();
        for a in args {
            let Arg::Positional(x) = a else {
                return Ok(None);
            };
            let E::Call(g, call_args) = &x.kind else {
                return Ok(None);
            };
            let Some(call) = self.value_call(sc, x, g, call_args)? else {
                return Ok(None);
            };
            let kind = match call {
                ExprKind::Coro(call) => ExprKind::Spawn(call),
                _ => return Ok(None),
            };
            tasks.push(Expr {
                kind,
                span: x.span.clone(),
            });
        }
        Ok(Some(ExprKind::List(tasks)))
    }
}
