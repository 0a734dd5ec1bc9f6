//! `any([...])` and `all([...])` of a list display whose items are of
//! different types (`any([0, "", None])`): Rust's array holds one type,
//! so the listing gives the adapter each item's truth (`bool(item)`),
//! which is all `any` and `all` read.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{Arg, ExprKind as E};
use crate::render::plan::expr::kind_of;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl Planner<'_> {
    /// The list of each item's truth, for `any` or `all` of a list display
    /// holding items of more than one kind.
    pub(super) fn truths_of_mixed_list(
        &self,
        sc: &Scope,
        b: Builtin,
        args: &[Arg],
    ) -> Result<Option<Expr>> {
        let [Arg::Positional(list)] = args else {
            return Ok(None);
        };
        let E::List(items) = &list.kind else {
            return Ok(None);
        };
        if !matches!(b, Builtin::Any | Builtin::All) {
            return Ok(None);
        }
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
            span: list.span.clone(),
        }))
    }
}
