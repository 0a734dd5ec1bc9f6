//! `{key: value for x in xs if test}` (and of two `for`s): the pairs as a
//! comprehension of `(key, value)` tuples, collected into a dict.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program as py;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

impl Planner<'_> {
    /// A dict comprehension of one or two `for`s, each with at most one
    /// `if`; `None` for other shapes.
    pub(super) fn dict_comp_value(
        &self,
        sc: &Scope,
        e: &py::Expr,
        c: &py::Comprehension,
    ) -> Result<Option<ExprKind>> {
        let Some(value) = &c.value else {
            return Ok(None);
        };
        if c.is_async || c.generators.len() > 2 || c.generators.iter().any(|g| g.ifs.len() > 1) {
            return Ok(None);
        }
        let (k, v) = (self.expr(sc, &c.element)?, self.expr(sc, value)?);
        let mut comp = Expr {
            span: k.span.start..v.span.end,
            kind: ExprKind::Tuple(vec![k, v]),
        };
        for g in c.generators.iter().rev() {
            let filter = match g.ifs.first() {
                Some(f) => Some(Box::new(self.expr(sc, f)?)),
                None => None,
            };
            comp = Expr {
                kind: ExprKind::Comp {
                    value: Box::new(comp),
                    var: self.loop_pattern(sc, &g.target, &e.span)?,
                    over: Box::new(super::jobs::tuple_as_list(self.expr(sc, &g.iter)?)),
                    filter,
                },
                span: e.span.clone(),
            };
        }
        if c.generators.len() == 2 {
            comp = Expr {
                kind: ExprKind::Flat(Box::new(comp)),
                span: e.span.clone(),
            };
        }
        Ok(Some(ExprKind::Call(Builtin::Dict, vec![comp])))
    }
}
