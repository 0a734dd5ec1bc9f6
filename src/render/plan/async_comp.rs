//! `[value async for x in source if test]`: assigned (`xs = [...]`, see
//! `calls.rs`) or read in place, where the collected list is bound first
//! to `{source}_items` and the expression reads that.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result};
use crate::program::{self as py, ExprKind as E, Name};
use crate::render::plan::ir::ast::{Call, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};

impl Planner<'_> {
    /// A list async comprehension over one generator or iterator of the
    /// program, read inside an expression; `None` for other shapes.
    pub(super) fn async_comp_value(
        &self,
        sc: &Scope,
        e: &py::Expr,
        c: &py::Comprehension,
    ) -> Result<Option<ExprKind>> {
        let [g] = c.generators.as_slice() else {
            return Ok(None);
        };
        if c.kind != py::CompKind::List || !g.is_async {
            return Ok(None);
        }
        let E::Call(f, args) = &g.iter.kind else {
            return Ok(None);
        };
        let E::Name(Name::Global(name)) = &f.kind else {
            return Ok(None);
        };
        let Some(def) = self.defs.get(&**name).copied() else {
            return Ok(None);
        };
        if !matches!(
            def.kind,
            Some(FunctionKind::Generator | FunctionKind::Iterator)
        ) {
            return Ok(None);
        }
        let source = Call {
            name: name.to_string(),
            args: self.args_of(sc, name, def, args, &g.iter.span)?,
            span: g.iter.span.clone(),
        };
        for (i, arg) in source.args.iter().enumerate() {
            self.check_arg(&source, i, arg)?;
        }
        let into = format!("{name}_items");
        let collect = self.collected(sc, e, c, source, into.clone())?;
        self.lifted.borrow_mut().push(collect);
        Ok(Some(ExprKind::Var(into)))
    }

    /// `into = [value async for var in source if filter]`, the source
    /// planned.
    pub(super) fn collected(
        &self,
        sc: &Scope,
        e: &py::Expr,
        c: &py::Comprehension,
        source: Call,
        into: String,
    ) -> Result<StmtKind> {
        let g = &c.generators[0];
        let var = self.loop_var(sc, &g.target, &e.span)?;
        let value = match local_name(&c.element) {
            Some(n) if n == var => None,
            _ => Some(self.expr(sc, &c.element)?),
        };
        let mut filter: Option<Expr> = None;
        for test in &g.ifs {
            let t = self.expr(sc, test)?;
            filter = Some(match filter {
                None => t,
                Some(f) => Expr {
                    span: f.span.start..t.span.end,
                    kind: ExprKind::Binary(BinaryOp::And, Box::new(f), Box::new(t)),
                },
            });
        }
        Ok(StmtKind::Collect {
            source,
            var,
            value,
            filter,
            into,
        })
    }
}
