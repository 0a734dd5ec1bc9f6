//! `name, value = line.split()`: the listing unpacks the list into an
//! array of that length (see `rust::unpack_list`), whose wrong length ends
//! the program as Python's uncaught `ValueError` does. Where the program
//! has an `except` that could take that `ValueError` (in this function or
//! in one awaiting it), the unpacking is refused.

use super::{Result, refuse};
use crate::program::{self as py, ExprKind as E, Name, StmtKind as P};

/// Whether the handler `h` takes a `ValueError`.
fn takes_value_error(h: &py::Handler) -> bool {
    let Some(class) = &h.class else {
        return true;
    };
    let items: Vec<&py::Expr> = match &class.kind {
        E::Tuple(xs) => xs.iter().collect(),
        _ => vec![class],
    };
    items.iter().any(|x| {
        matches!(&x.kind, E::Name(Name::Global(n))
            if matches!(&**n, "ValueError" | "Exception" | "BaseException"))
    })
}

/// Whether `block`, or a function or class defined in it, has an
/// `except` that takes a `ValueError`.
fn catches_value_error(block: &[py::Stmt]) -> bool {
    let mut found = false;
    py::walk(block, &mut |s| match &s.kind {
        P::Try { handlers, .. } => found |= handlers.iter().any(takes_value_error),
        P::Def { code, .. } | P::Class { code, .. } => found |= catches_value_error(&code.body),
        _ => {}
    });
    found
}

/// Refuses the unpacking of `split()` at `span` in `program` if it has an
/// `except` that takes a `ValueError`.
pub(super) fn refuse_if_caught(program: &py::Program, span: &py::Span) -> Result<()> {
    if !catches_value_error(&program.module.body) {
        return Ok(());
    }
    refuse(
        span,
        "unpacking the list `split()` gives",
        "a list of another length raises ValueError, which an `except` of the program could \
         take; the Rust listing unpacks the list into an array only where nothing catches it, \
         and a wrong length ends the program: index the list instead",
    )
}
