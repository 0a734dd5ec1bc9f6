//! `[value for a in xs if p for b in ys if q]`: a list comprehension of two
//! `for`s, planned as the outer comprehension of inner ones, flattened.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Planner<'_> {
    /// A comprehension read inside an expression that the plain one-`for`
    /// form does not cover: an async one (see `async_comp.rs`) or one of
    /// two `for`s; `None` for others.
    pub(super) fn comp_value(
        &self,
        sc: &Scope,
        e: &py::Expr,
        c: &py::Comprehension,
    ) -> Result<Option<ExprKind>> {
        if c.is_async {
            if let Some(k) = self.async_comp_value(sc, e, c)? {
                return Ok(Some(k));
            }
            return self.awaiting_comp_value(sc, e, c);
        }
        if c.kind == py::CompKind::Dict {
            return self.dict_comp_value(sc, e, c);
        }
        let [outer, inner] = c.generators.as_slice() else {
            return Ok(None);
        };
        if !matches!(c.kind, py::CompKind::List | py::CompKind::Generator)
            || outer.ifs.len() > 1
            || inner.ifs.len() > 1
        {
            return Ok(None);
        }
        self.check_lazy_items(e, c)?;
        let mut comp = Expr {
            kind: ExprKind::Lit(crate::render::plan::ir::value::Value::None),
            span: c.element.span.clone(),
        };
        for (g, value) in [(inner, Some(&c.element)), (outer, None)] {
            let var = self.loop_pattern(sc, &g.target, &e.span)?;
            let value = match value {
                Some(v) => self.expr(sc, v)?,
                None => comp,
            };
            let filter = match g.ifs.first() {
                Some(f) => Some(Box::new(self.expr(sc, f)?)),
                None => None,
            };
            comp = Expr {
                kind: ExprKind::Comp {
                    value: Box::new(value),
                    var,
                    over: Box::new(self.expr(sc, &g.iter)?),
                    filter,
                },
                span: e.span.clone(),
            };
        }
        Ok(Some(ExprKind::Flat(Box::new(comp))))
    }
}
