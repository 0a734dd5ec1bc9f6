//! `any([0, "", None])`: a list literal of values of several types whose
//! only use is each item's truth. Rust has no truthiness, so the listing
//! tests each item by its own type (`0 != 0`, `!"".is_empty()`) and
//! passes `any`/`all` an array of booleans.

use super::expr::kind_of;
use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, ExprKind as E};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl Planner<'_> {
    /// The argument of `any(xs)` or `all(xs)` when `xs` is a list literal
    /// holding values of several types: the list of each item's `bool`.
    /// `None` for any other argument.
    pub(super) fn truth_list(&self, sc: &Scope, e: &py::Expr) -> Result<Option<Expr>> {
        let E::List(items) = &e.kind else {
            return Ok(None);
        };
        let items = items
            .iter()
            .map(|x| self.expr(sc, x))
            .collect::<Result<Vec<_>>>()?;
        let kinds: Vec<_> = items.iter().filter_map(kind_of).collect();
        if kinds.iter().all(|k| *k == kinds[0]) {
            return Ok(None);
        }
        let truths = items
            .into_iter()
            .map(|x| Expr {
                span: x.span.clone(),
                kind: ExprKind::Call(Builtin::Bool, vec![x]),
            })
            .collect();
        Ok(Some(Expr {
            kind: ExprKind::List(truths),
            span: e.span.clone(),
        }))
    }
}
