//! A loop variable read after its `async for`: in Python it keeps the last
//! item, in Rust `while let Some(x) = ...` binds it inside the loop only.

use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, expr_mut, stmt_mut};
use crate::program::{self as py, ExprKind as E, Name, StmtKind as P, Target};
use std::ops::Range;

impl Planner<'_> {
    /// Refuses the `async for` at `span` whose variable `target` the loop's
    /// `else` or the statements after it (`after`) read or set before
    /// another loop binds it again.
    pub(super) fn loop_var_kept(
        &self,
        target: &Target,
        orelse: &[py::Stmt],
        after: &[py::Stmt],
        span: &Range<usize>,
    ) -> Result<()> {
        match target {
            Target::Name(n) => self.name_kept(n, orelse, after, span),
            Target::Unpack(items, _) => items
                .iter()
                .try_for_each(|t| self.loop_var_kept(t, orelse, after, span)),
            Target::Attr(..) | Target::Subscript(..) => Ok(()),
        }
    }

    /// [`Self::loop_var_kept`] of one name `n` the loop binds.
    fn name_kept(
        &self,
        n: &Name,
        orelse: &[py::Stmt],
        after: &[py::Stmt],
        span: &Range<usize>,
    ) -> Result<()> {
        let mut uses = Uses {
            name: n.ident(),
            found: false,
        };
        for s in orelse.iter().chain(after) {
            // Another loop over the name binds it anew, in Rust too.
            if let P::For { target, iter, .. } = &s.kind
                && matches!(target, Target::Name(t) if &**t.ident() == uses.name)
            {
                expr_mut(&mut iter.clone(), &mut uses);
                return if uses.found { refused(n, span) } else { Ok(()) };
            }
            stmt_mut(&mut s.clone(), &mut uses);
            if uses.found {
                return refused(n, span);
            }
        }
        Ok(())
    }
}

/// Whether the function's own code names `name` (comprehensions bind
/// theirs apart).
struct Uses<'a> {
    name: &'a str,
    found: bool,
}

impl VisitMut for Uses<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        if let E::Name(n @ (Name::Local(..) | Name::Cell(..))) = &e.kind {
            self.found |= &**n.ident() == self.name;
        }
    }

    fn bound(&mut self, n: &mut Name) {
        self.found |= &**n.ident() == self.name;
    }

    fn whole_comprehensions(&self) -> bool {
        false
    }
}

fn refused(n: &Name, span: &Range<usize>) -> Result<()> {
    refuse(
        span,
        format!("`{}` used after its `async for`", n.ident()),
        "a Rust `while let` loop binds its variable inside the loop only: keep the item \
         in a variable of its own (`last = item` in the loop)",
    )
}
