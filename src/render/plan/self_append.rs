//! `xs.append(xs)`: a Python list may hold itself (`[1, [...]]`); a Rust
//! `Vec` cannot, so the call is refused.

use super::{Result, refuse};
use crate::program::{Arg, Expr, ExprKind as E};
use crate::render::plan::ir::expr::StrMethod;
use std::ops::Range;

/// Refuses the method `m` of the list `obj` at `span` when one of its
/// arguments `args` is `obj` itself and the list would hold it.
pub(super) fn check(m: StrMethod, obj: &Expr, args: &[Arg], span: &Range<usize>) -> Result<()> {
    if !matches!(m, StrMethod::Append | StrMethod::Insert) {
        return Ok(());
    }
    let E::Name(list) = &obj.kind else {
        return Ok(());
    };
    let itself = args
        .iter()
        .any(|a| matches!(a, Arg::Positional(e) if matches!(&e.kind, E::Name(n) if n.ident() == list.ident())));
    if !itself {
        return Ok(());
    }
    refuse(
        span,
        "a list that holds itself",
        "Python's list may hold itself and prints it as `[...]`; a Rust `Vec` cannot hold \
         itself: append a copy (`xs.append(list(xs))`)",
    )
}
