//! `xs += (4, 5)`: Python extends a list (or joins a tuple) with a tuple;
//! Rust's tuples are no sequences and cannot be joined, so the listing
//! refuses it and says to write a list.

use super::{Result, refuse};
use crate::program::{self as py, BinOp, ExprKind as E};

/// Refuses `x += (...)` of a tuple literal.
pub(super) fn refuse_tuple_add(op: BinOp, value: &py::Expr) -> Result<()> {
    if op == BinOp::Add && matches!(value.kind, E::Tuple(_)) {
        return refuse(
            &value.span,
            "`+=` of a tuple",
            "Rust's tuples are no sequences and cannot be joined: the Rust listing extends a \
             list with a list (`xs += [4, 5]`)",
        );
    }
    Ok(())
}
