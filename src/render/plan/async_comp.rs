//! `[value async for x in source if test]` (and the set and dict
//! comprehensions of that shape): assigned (`xs = [...]`, see `calls.rs`)
//! or read in place, where the collection is bound first to
//! `{source}_items` and the expression reads that.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, BinOp, ExprKind as E, Literal, Name};
use crate::render::plan::ir::ast::{Call, Collection, FunctionKind, StmtKind};
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
        if c.kind == py::CompKind::Generator || !g.is_async {
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

    /// `into = [value async for var in source if filter]` (or the set or
    /// dict comprehension of that shape), the source planned.
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
        if let Some(test) = g.ifs.iter().find(|t| t.suspends) {
            return refuse(
                &test.span,
                "an `await` in the test of an async comprehension",
                "the Rust listing filters an async comprehension's items with a test that \
                 does not await: await it in a loop of its own",
            );
        }
        let collection = match c.kind {
            py::CompKind::Set if small_remainder(&c.element, &var) => Collection::Set,
            py::CompKind::Set => {
                return refuse(
                    &e.span,
                    "this async set comprehension",
                    "CPython orders a set by the hashes of its items, which Rust's sets do not \
                     reproduce; the Rust listing builds a set only of the remainders `x % k` \
                     (`k` from 1 to 8) of the ints it iterates, which CPython keeps sorted as a \
                     `BTreeSet` does",
                );
            }
            py::CompKind::Dict => Collection::Dict,
            _ => Collection::List,
        };
        let element = self.expr(sc, &c.element)?;
        let value = match (&c.value, local_name(&c.element)) {
            (Some(v), _) => Some(Expr {
                span: element.span.start..v.span.end,
                kind: ExprKind::Tuple(vec![element, self.expr(sc, v)?]),
            }),
            (None, Some(n)) if n == var => None,
            (None, _) => Some(element),
        };
        let awaits = c.element.suspends || c.value.as_ref().is_some_and(|v| v.suspends);
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
            collection,
            awaits,
        })
    }
}

/// `var % k`, `k` a literal from 1 to 8: an int below 8 when `var` is an
/// int (which the listing's types check).
fn small_remainder(e: &py::Expr, var: &str) -> bool {
    matches!(&e.kind, E::BinOp(BinOp::Mod, x, k)
        if local_name(x).is_some_and(|n| n == var)
            && matches!(k.kind, E::Literal(Literal::Int(1..=8))))
}
