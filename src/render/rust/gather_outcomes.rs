//! `asyncio.gather(..., return_exceptions=True)` of a coroutine that can
//! fail: `join_all` of the children's futures, whose outputs are already
//! each a `Result<T, Error>`, printed as Python shows the list (a value's
//! `repr`, or the exception's).

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_block_expr;
use super::types::Ty;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// Whether the program gathers with `return_exceptions=True`: the
/// exceptions' `repr` is then written.
pub(super) fn has_outcomes(demo: &Demo) -> bool {
    let mut found = false;
    for f in &demo.functions {
        each_block_expr(&f.body, &mut |x| {
            found |= matches!(x.kind, ExprKind::Outcomes(_));
        });
    }
    found
}

/// Python's `repr` of such a list, a helper of the listing.
pub(super) const PY_OUTCOMES: &[&str] = &[
    "/// Python's `repr` of `gather(..., return_exceptions=True)`'s list: each",
    "/// child's value, or the exception it raised.",
    "fn py_outcomes<T: Repr>(outcomes: &[Result<T, Error>]) -> String {",
    "    let items: Vec<String> = outcomes",
    "        .iter()",
    "        .map(|outcome| match outcome {",
    "            Ok(value) => value.repr(),",
    "            Err(err) => err.to_repr(),",
    "        })",
    "        .collect();",
    "    format!(\"[{}]\", items.join(\", \"))",
    "}",
];

impl Renderer<'_> {
    /// `join_all(children).await`: every child's `Ok` or `Err`, in order.
    pub(super) fn outcomes(&mut self, list: &Expr) -> Code {
        let xs = self.expr(list);
        self.use_("futures::future", "join_all");
        let ty = Ty::List(Box::new(Ty::Outcome(Box::new(xs.ty.elem().inner()))));
        let mut c = Code::new(format!("join_all({}).await", xs.text), ty, 10);
        c.fresh = true;
        c
    }
}
