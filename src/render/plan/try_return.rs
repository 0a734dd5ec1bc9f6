//! `try: ... return value except ...: ... raise` at the end of a function:
//! the `try` block returns its value unless it raises, and every handler
//! raises. The listing's `async` block then gives the function's value as
//! its `Ok`, which the function returns.

use super::Planner;
use super::exc_fields::blocks;
use crate::program::{self as py, StmtKind as P};

/// Whether `body` ends in a `raise`.
fn ends_in_raise(body: &[py::Stmt]) -> bool {
    matches!(body.last().map(|s| &s.kind), Some(P::Raise { .. }))
}

impl Planner<'_> {
    /// Whether `s` (a `try` whose block is `body`) returns from its block's
    /// last statement only, every handler raises, it has no `else` nor
    /// `finally`, and it ends its function.
    pub(super) fn returning_try(&self, s: &py::Stmt, body: &[py::Stmt]) -> bool {
        let P::Try {
            handlers,
            orelse,
            finalbody,
            ..
        } = &s.kind
        else {
            return false;
        };
        let mut returns = 0;
        py::walk(body, &mut |st| {
            returns += usize::from(matches!(st.kind, P::Return(_)))
        });
        let last_returns = matches!(body.last().map(|st| &st.kind), Some(P::Return(_)));
        returns == 1
            && last_returns
            && orelse.is_empty()
            && finalbody.is_empty()
            && !handlers.is_empty()
            && handlers.iter().all(|h| !h.star && ends_in_raise(&h.body))
            && self.ends_function(s)
    }

    /// Whether `s` is the last statement of a function's body.
    fn ends_function(&self, s: &py::Stmt) -> bool {
        let mut found = false;
        for block in blocks(&self.program.module.body) {
            py::walk(block, &mut |st| {
                if let P::Def { code, .. } = &st.kind {
                    found |= code.body.last().is_some_and(|l| l.id == s.id);
                }
            });
        }
        found
    }
}
