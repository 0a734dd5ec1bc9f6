//! `xs += (4, 5)`: Python extends a list with the items of a tuple. For a
//! plain name the listing reads the tuple as the list `[4, 5]` (the Rust
//! side refuses the join when the name is no list); on a field or an item
//! the tuple is refused, and the listing says to write a list.

use super::{Result, refuse};
use crate::program::{self as py, BinOp, ExprKind as E, Target};
use std::borrow::Cow;

/// The value `target += value` adds: a tuple literal added to a plain
/// name as the list of its items; a tuple added to anything else refused.
pub(super) fn tuple_as_list<'a>(
    target: &Target,
    op: BinOp,
    value: &'a py::Expr,
) -> Result<Cow<'a, py::Expr>> {
    let E::Tuple(items) = &value.kind else {
        return Ok(Cow::Borrowed(value));
    };
    if op != BinOp::Add {
        return Ok(Cow::Borrowed(value));
    }
    if !matches!(target, Target::Name(_)) || items.iter().any(|i| matches!(i.kind, E::Starred(_))) {
        return refuse(
            &value.span,
            "`+=` of a tuple",
            "Rust's tuples are no sequences and cannot be joined: the Rust listing extends a \
             list with a list (`xs += [4, 5]`)",
        );
    }
    Ok(Cow::Owned(py::Expr {
        kind: E::List(items.clone()),
        ..value.clone()
    }))
}
