//! `await asyncio.gather(..., return_exceptions=True)`: each child's
//! result or exception, as a `Result` per child.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Literal, StmtKind as P};
use crate::render::plan::ir::expr::ExprKind;

impl Planner<'_> {
    /// `asyncio.gather(f(a), f(b), return_exceptions=flag)` (`args` of
    /// the gather): with `True`, of a coroutine that raises, the list of
    /// [`ExprKind::Outcomes`]; with `False`, or of a coroutine that never
    /// raises, the plain gather. `None` for other arguments.
    pub(super) fn gather_outcomes(
        &self,
        sc: &Scope,
        e: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let Some((Arg::Keyword(k, flag), children)) = args.split_last() else {
            return Ok(None);
        };
        let flag = match &flag.kind {
            E::Literal(Literal::Bool(b)) if &**k == "return_exceptions" => *b,
            _ => return Ok(None),
        };
        let Some(ExprKind::GatherAll(list)) = self.gather_value(sc, e, children)? else {
            return Ok(None);
        };
        let raises = match &list.kind {
            ExprKind::List(items) => items.iter().any(|i| match &i.kind {
                ExprKind::Coro(c) => self.has_raise(&c.name),
                _ => true,
            }),
            _ => true,
        };
        if !flag || !raises {
            return Ok(Some(ExprKind::GatherAll(list)));
        }
        // Tasks' outputs also tell a cancellation apart: not translated.
        let coroutines = matches!(&list.kind, ExprKind::List(items)
            if items.iter().all(|i| matches!(i.kind, ExprKind::Coro(_))));
        Ok(coroutines.then_some(ExprKind::Outcomes(list)))
    }

    /// Whether the program's function `name` has a `raise`.
    fn has_raise(&self, name: &str) -> bool {
        let mut raises = false;
        for s in &self.program.module.body {
            if let P::Def { name: n, code, .. } = &s.kind
                && &**n.ident() == name
            {
                crate::program::walk(&code.body, &mut |s| {
                    raises |= matches!(s.kind, P::Raise { .. })
                });
            }
        }
        raises
    }
}
