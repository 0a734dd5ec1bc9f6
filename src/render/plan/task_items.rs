//! The output of one task of a list of tasks kept in a variable, read by
//! its index: `await tasks[i]` and `tasks[i].result()` (the Rust listing
//! keeps such a list's tasks `Shared`, see `render::rust`).

use super::scope::Scope;
use super::stmt::{local_name, method_call};
use super::{Planner, Result};
use crate::program::{self as py, ExprKind as E};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl Planner<'_> {
    /// `await xs[i]` (`inner` is what `await` awaits) of a list of tasks;
    /// `None` for any other await.
    pub(super) fn awaited_item(&self, sc: &Scope, inner: &py::Expr) -> Result<Option<ExprKind>> {
        self.task_item(sc, inner, false)
    }

    /// `xs[i].result()` of a list of tasks; `None` for any other call.
    pub(super) fn item_result(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        match method_call(e, "result") {
            Some(obj) => self.task_item(sc, obj, true),
            None => Ok(None),
        }
    }

    /// The output of the task `xs[i]` picks, where `xs` is a list of tasks,
    /// awaited or (`now`) read at once.
    fn task_item(&self, sc: &Scope, item: &py::Expr, now: bool) -> Result<Option<ExprKind>> {
        let E::Subscript(list, index) = &item.kind else {
            return Ok(None);
        };
        let Some(name) = local_name(list).filter(|l| sc.task_lists.iter().any(|t| t == l)) else {
            return Ok(None);
        };
        if matches!(index.kind, E::Slice(..)) {
            return Ok(None);
        }
        let picked = Expr {
            kind: ExprKind::Call(
                Builtin::Index,
                vec![
                    Expr {
                        kind: ExprKind::Var(sc.local(name, &list.span)?),
                        span: list.span.clone(),
                    },
                    self.expr(sc, index)?,
                ],
            ),
            span: item.span.clone(),
        };
        Ok(Some(ExprKind::ItemOutput(Box::new(picked), now)))
    }
}
