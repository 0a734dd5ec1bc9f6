//! Renaming a block's names in place: the module's variables become
//! `main`'s locals, and a nested function the listing hoists becomes a
//! definition of the module where its enclosing function calls it.

use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{Expr, ExprKind as E, Name, Stmt};

/// Renames with `rn` every name `b` reads or binds (not inside the
/// functions and classes it defines, which are scopes of their own, nor
/// in their defaults and decorators).
pub(super) fn block(b: &mut [Stmt], rn: &dyn Fn(&mut Name)) {
    block_mut(b, &mut Rename(rn));
}

struct Rename<'a>(&'a dyn Fn(&mut Name));

impl VisitMut for Rename<'_> {
    fn expr(&mut self, e: &mut Expr) {
        if let E::Name(n) = &mut e.kind {
            (self.0)(n);
        }
    }

    fn bound(&mut self, n: &mut Name) {
        (self.0)(n);
    }

    fn definition_heads(&self) -> bool {
        false
    }
}
