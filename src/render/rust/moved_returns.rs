//! `return xs` of a list, dict or set the function made: the value is
//! moved out, not cloned, as nothing reads it after. Inside a loop, only
//! where no loop of the function runs over it (which borrows it).

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::Ty;
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Renderer<'_> {
    /// Whether `return e` (rendered `c`; `tail`: the function's last
    /// statement) can move its value out: a container bound in this
    /// function, not a parameter, a `static`, a field or what a drop guard
    /// holds.
    pub(super) fn moves_out(&self, e: &Expr, c: &Code, tail: bool) -> bool {
        let ExprKind::Var(name) = &e.kind else {
            return false;
        };
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut looped = false;
        f.walk(&mut |s| {
            if let StmtKind::For { over, .. } = &s.kind {
                each_expr(over, &mut |x| {
                    looped |= matches!(&x.kind, ExprKind::Var(v) if v == name);
                });
            }
        });
        (tail || !looped)
            && !f.params.contains(name)
            && c.text == *name
            && matches!(c.ty, Ty::List(_) | Ty::Dict(..) | Ty::Set(_))
            && self.assigned.contains_key(name)
            && !self.fields.contains(name)
            && self.guard_names.is_empty()
            && self.held.is_empty()
            && !self.demo.statics.iter().any(|(s, _)| s == name)
    }
}
