//! `a = b = 0`: a chained assignment of one immutable literal (a number, a
//! string, a bool or `None`), planned as one assignment per target, left to
//! right as Python assigns them. A list or other value would be shared by
//! the targets in Python and copied in Rust, so those are refused.

use super::scope::Scope;
use super::stmt::Step;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Literal, Target};

impl Planner<'_> {
    /// The assignments of `targets = value` (the first statement of
    /// `rest`): all but the last run first, lifted before it.
    pub(super) fn chained_assign(
        &self,
        sc: &mut Scope,
        rest: &[py::Stmt],
        targets: &[Target],
        value: &py::Expr,
    ) -> Result<Step> {
        let immutable = matches!(
            value.kind,
            E::Literal(
                Literal::Int(_)
                    | Literal::Float(_)
                    | Literal::Str(_)
                    | Literal::Bool(_)
                    | Literal::None
            )
        );
        let (Some((last, first)), true) = (targets.split_last(), immutable) else {
            return refuse(
                &rest[0].span,
                "a chained assignment (`a = b = ...`)",
                "the Rust listing assigns one number, string or bool literal to several \
                 targets; a list or an object would be one value shared by the targets in \
                 Python, where Rust copies it: assign it once and copy it explicitly",
            );
        };
        for t in first {
            let (stmt, _) = self.assign(sc, rest, std::slice::from_ref(t), value)?;
            if let Some(stmt) = stmt {
                self.lifted.borrow_mut().push(stmt.kind);
            }
        }
        self.assign(sc, rest, std::slice::from_ref(last), value)
    }
}
