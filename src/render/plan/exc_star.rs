//! `except*` clauses: each takes its classes out of an exception group
//! (see [`crate::render::plan::ir::exc_groups`]).

use super::{Result, refuse};
use crate::program::{self as py, StmtKind as P};

/// A bare `raise` inside an `except*` clause would raise again the part
/// of the group the clause took: the Rust listing does not translate it.
pub(super) fn no_reraise(body: &[py::Stmt]) -> Result<()> {
    let mut found = None;
    py::walk(body, &mut |st| {
        if matches!(st.kind, P::Raise { exc: None, .. }) && found.is_none() {
            found = Some(st.span.clone());
        }
    });
    match found {
        Some(span) => refuse(
            &span,
            "a bare `raise` in `except*`",
            "the Rust listing's `except*` takes its classes out of the group and lets the \
             rest go on; raising again what it took is not translated",
        ),
        None => Ok(()),
    }
}
