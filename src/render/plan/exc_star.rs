//! `except*` clauses: each takes its classes out of an exception group
//! (see [`crate::render::plan::ir::exc_groups`]).

use super::{Result, refuse};
use crate::program::{self as py, StmtKind as P};
use crate::render::plan::ir::exc_groups::GROUP;

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

/// `except* ExceptionGroup` (or `BaseExceptionGroup`): Python raises
/// `TypeError` when an exception reaches the clause, which the Rust
/// listing's `except*` does not: it is refused at the clause.
pub(super) fn no_group_class(h: &py::Handler, classes: &[String]) -> Result<()> {
    let named = |c: &String| c == GROUP || c == "BaseExceptionGroup";
    match (&h.class, classes.iter().find(|c| named(c))) {
        (Some(at), Some(class)) => refuse(
            &at.span,
            format!("`except* {class}`"),
            "Python raises `TypeError` when an exception reaches an `except*` of an \
             exception group class: catch the group with `except`",
        ),
        _ => Ok(()),
    }
}
