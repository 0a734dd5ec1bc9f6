//! A loop variable read after its loop: in Python it keeps the last item,
//! in Rust `for x in ...` and `while let Some(x) = ...` bind it inside the
//! loop only.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, expr_mut, stmt_mut};
use crate::program::{self as py, ExprKind as E, Name, StmtKind as P, Target};
use std::ops::Range;

impl Planner<'_> {
    /// Refuses the loops of the statement `s` (itself, or nested in its
    /// blocks) whose variable its loop's `else` or the statements after
    /// `s` (`after`) read: the Rust loop binds it inside the loop only.
    pub(super) fn loops_kept(&self, sc: &Scope, s: &py::Stmt, after: &[py::Stmt]) -> Result<()> {
        if let P::For {
            is_async,
            target,
            orelse,
            ..
        } = &s.kind
            && !sc.kept_loops.contains(&s.id)
        {
            self.loop_var_kept(*is_async, target, orelse, after, &s.span)?;
        }
        let mut inner = Vec::new();
        for b in py::blocks(s) {
            nested_loops(b, &mut inner);
        }
        for l in inner {
            if let P::For {
                is_async, target, ..
            } = &l.kind
            {
                self.loop_var_kept(*is_async, target, &[], after, &l.span)?;
            }
        }
        Ok(())
    }

    /// Refuses the `for` or `async for` (`is_async`) at `span` whose variable `target` the loop's
    /// `else` or the statements after it (`after`) read or set before
    /// another loop binds it again.
    fn loop_var_kept(
        &self,
        is_async: bool,
        target: &Target,
        orelse: &[py::Stmt],
        after: &[py::Stmt],
        span: &Range<usize>,
    ) -> Result<()> {
        match target {
            Target::Name(n) => self.name_kept(is_async, n, orelse, after, span),
            Target::Unpack(items, _) => items
                .iter()
                .try_for_each(|t| self.loop_var_kept(is_async, t, orelse, after, span)),
            Target::Attr(..) | Target::Subscript(..) => Ok(()),
        }
    }

    /// [`Self::loop_var_kept`] of one name `n` the loop binds.
    fn name_kept(
        &self,
        is_async: bool,
        n: &Name,
        orelse: &[py::Stmt],
        after: &[py::Stmt],
        span: &Range<usize>,
    ) -> Result<()> {
        if read_after(is_async, n.ident(), orelse, after) {
            refused(is_async, n, span)
        } else {
            Ok(())
        }
    }
}

/// Whether the statements `orelse`, then `after`, read or set the
/// variable `name` of a `for` (`async for` when `is_async`) before another
/// loop binds it again.
pub(super) fn read_after(
    is_async: bool,
    name: &str,
    orelse: &[py::Stmt],
    after: &[py::Stmt],
) -> bool {
    let mut uses = Uses { name, found: false };
    for s in orelse.iter().chain(after) {
        // Another loop over the name binds it anew, in Rust too, and
        // so does an assignment of the name after a `for`.
        let anew = match &s.kind {
            P::For { target, iter, .. } if binds(target, uses.name) => Some(iter),
            P::Assign { targets, value }
                if !is_async
                    && targets
                        .iter()
                        .any(|t| matches!(t, Target::Name(t) if &**t.ident() == uses.name)) =>
            {
                Some(value)
            }
            _ => None,
        };
        if let Some(read) = anew {
            expr_mut(&mut read.clone(), &mut uses);
            return uses.found;
        }
        stmt_mut(&mut s.clone(), &mut uses);
        if uses.found {
            return true;
        }
    }
    false
}

/// The `for` loops of `block`, at any depth, into `out`.
fn nested_loops<'a>(block: &'a [py::Stmt], out: &mut Vec<&'a py::Stmt>) {
    for s in block {
        if matches!(s.kind, P::For { .. }) {
            out.push(s);
        }
        for b in py::blocks(s) {
            nested_loops(b, out);
        }
    }
}

/// Whether the loop target `t` binds the name `name`.
fn binds(t: &Target, name: &str) -> bool {
    match t {
        Target::Name(n) => &**n.ident() == name,
        Target::Unpack(items, _) => items.iter().any(|t| binds(t, name)),
        Target::Attr(..) | Target::Subscript(..) => false,
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

fn refused(is_async: bool, n: &Name, span: &Range<usize>) -> Result<()> {
    let (stmt, rust) = if is_async {
        ("async for", "while let")
    } else {
        ("for", "for")
    };
    refuse(
        span,
        format!("`{}` used after its `{stmt}`", n.ident()),
        format!(
            "a Rust `{rust}` loop binds its variable inside the loop only: keep the item \
             in a variable of its own (`last = item` in the loop)"
        ),
    )
}
