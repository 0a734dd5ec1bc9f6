//! `a, b = zip(*[("x", 1), ("y", 2)])`: the columns of a list of tuples of
//! literals, which the plan writes as the tuples `("x", "y")` and `(1, 2)`
//! (the literals have no effect, so their order of evaluation is unseen).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Name, Target};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Planner<'_> {
    /// `zip(*[tuples of literals])` unpacked into as many names as each
    /// tuple has items: the tuple of its columns; `None` for another value.
    pub(super) fn zip_columns(
        &self,
        sc: &Scope,
        target: &Target,
        value: &py::Expr,
    ) -> Result<Option<ExprKind>> {
        let (Target::Unpack(names, None), E::Call(f, args)) = (target, &value.kind) else {
            return Ok(None);
        };
        let (E::Name(Name::Global(zip)), [Arg::Star(list)]) = (&f.kind, args.as_slice()) else {
            return Ok(None);
        };
        let E::List(rows) = &list.kind else {
            return Ok(None);
        };
        let literal_row = |r: &py::Expr| {
            matches!(&r.kind, E::Tuple(xs)
                if xs.len() == names.len() && xs.iter().all(|x| matches!(x.kind, E::Literal(_))))
        };
        if &**zip != "zip"
            || self.defs.contains_key("zip")
            || rows.is_empty()
            || !rows.iter().all(literal_row)
        {
            return Ok(None);
        }
        let mut columns = Vec::new();
        for at in 0..names.len() {
            let mut column = Vec::new();
            for row in rows {
                if let E::Tuple(xs) = &row.kind {
                    column.push(self.expr(sc, &xs[at])?);
                }
            }
            columns.push(Expr {
                kind: ExprKind::Tuple(column),
                span: list.span.clone(),
            });
        }
        Ok(Some(ExprKind::Tuple(columns)))
    }
}
