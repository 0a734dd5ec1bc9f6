//! `{n % 4 for n in xs}`: a set comprehension of ints below 8. CPython
//! keeps a set of such small non-negative ints in its table in sorted order
//! (each int is its own hash, and the table has at least 8 slots), so it
//! prints and iterates them sorted, as Rust's `BTreeSet` does. Other set
//! comprehensions are refused: their order follows hashes Rust's sets do not
//! reproduce.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, BinOp, ExprKind as E, Literal};
use crate::render::plan::ir::expr::{Builtin, ExprKind};

impl Planner<'_> {
    /// A set comprehension of one `for` (and at most one `if`) whose value
    /// is `x % k`, `x` an int (the variable of a `for` over a `range`, or a
    /// `len(...)`) and `k` a literal from 1 to 8, as [`Builtin::SmallSet`]
    /// of the list comprehension; refused for another set comprehension;
    /// `None` for another expression.
    pub(super) fn small_set(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Comprehension(c) = &e.kind else {
            return Ok(None);
        };
        if c.kind != py::CompKind::Set {
            return Ok(None);
        }
        let [g] = c.generators.as_slice() else {
            return self.refuse_set(e);
        };
        // The remainder of an int: the loop's variable over a `range`, or a `len`.
        let over_range = matches!(&g.iter.kind, E::Call(f, _)
            if matches!(&f.kind, E::Name(py::Name::Global(n)) if &**n == "range"));
        let int = |x: &py::Expr| match &x.kind {
            E::Name(n) => {
                over_range && matches!(&g.target, py::Target::Name(t) if t.ident() == n.ident())
            }
            E::Call(f, _) => matches!(&f.kind, E::Name(py::Name::Global(n)) if &**n == "len"),
            _ => false,
        };
        let small = matches!(&c.element.kind,
            E::BinOp(BinOp::Mod, x, k) if int(x) && matches!(k.kind, E::Literal(Literal::Int(1..=8))));
        if c.is_async
            || g.ifs.len() > 1
            || !small
            || self.defs.contains_key("range")
            || self.defs.contains_key("len")
        {
            return self.refuse_set(e);
        }
        let filter = match g.ifs.first() {
            Some(f) => Some(Box::new(self.expr(sc, f)?)),
            None => None,
        };
        let comp = crate::render::plan::ir::expr::Expr {
            kind: ExprKind::Comp {
                value: Box::new(self.expr(sc, &c.element)?),
                var: self.loop_pattern(sc, &g.target, &e.span)?,
                over: Box::new(super::jobs::tuple_as_list(self.expr(sc, &g.iter)?)),
                filter,
            },
            span: e.span.clone(),
        };
        Ok(Some(ExprKind::Call(Builtin::SmallSet, vec![comp])))
    }

    fn refuse_set<T>(&self, e: &py::Expr) -> Result<T> {
        refuse(
            &e.span,
            "a set comprehension",
            "CPython orders a set by the hashes of its items, which Rust's sets do not \
             reproduce; the Rust listing builds a set only of ints below 8 (`{n % 4 for n in \
             xs}`), which CPython keeps sorted as a `BTreeSet` does: print `sorted(...)` of it",
        )
    }
}
