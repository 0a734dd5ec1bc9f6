//! The methods of a future made with `loop.create_future()` that give a
//! value, besides `fut.done()`: `fut.result()` of a future already done.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program as py;
use crate::render::plan::ir::expr::{ExprKind, TaskOp};

impl Planner<'_> {
    /// `fut.result()` of a future the function made; `None` for any other
    /// call.
    pub(super) fn future_method(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let Some(obj) = super::stmt::method_call(e, "result")
            && let Some(fut) = super::stmt::local_name(obj)
            && sc.futures.contains_key(fut)
        {
            return Ok(Some(ExprKind::Task(
                TaskOp::Result,
                sc.local(fut, &obj.span)?,
            )));
        }
        Ok(None)
    }
}
