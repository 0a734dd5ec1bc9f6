//! A generator expression kept in a variable and read by `list(gen)` more
//! than once: the iterator itself, bound with `let mut` and collected
//! through `.by_ref()`, so the first reading uses it up as Python's does.

use super::Renderer;
use super::code::Code;
use crate::render::plan::ir::ast::{Block, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// The variables of `block` that hold a kept iterator (each is `mut`).
pub(super) fn kept_iterators(block: &Block) -> Vec<String> {
    let mut out = Vec::new();
    walk(block, &mut |s| {
        if let StmtKind::Set { var, value } = &s.kind
            && matches!(value.kind, ExprKind::Call(Builtin::Kept, _))
        {
            out.push(var.clone());
        }
    });
    out
}

impl Renderer<'_> {
    /// [`Builtin::Kept`]: the comprehension's iterator, not collected; or
    /// [`Builtin::Rest`]: what the kept iterator has left, collected.
    pub(super) fn kept_iter(&mut self, b: Builtin, args: &[Expr]) -> Code {
        let [x] = args else {
            unreachable!("one argument")
        };
        let c = self.expr(x);
        let text = match b {
            Builtin::Kept => match c.text.strip_suffix(".collect::<Vec<_>>()") {
                Some(iter) => iter.to_string(),
                None => format!("{}.into_iter()", c.wrap(10)),
            },
            _ => format!("{}.by_ref().collect::<Vec<_>>()", c.wrap(10)),
        };
        let mut out = Code::new(text, c.ty, 10);
        out.fresh = true;
        out
    }
}
