//! `xs.insert(i, x)`: Python counts a negative `i` from the end and clamps
//! `i` to the list, inserting at its start or appending; `Vec::insert`
//! panics past the end. The listing clamps a literal index (see
//! `rust::methods`); an index known only when the program runs is refused.

use super::{Result, refuse};
use crate::program::{Arg, ExprKind as E, Literal, UnaryOp};
use crate::render::plan::ir::expr::StrMethod;
use std::ops::Range;

/// Refuses `insert` (method `m`) at an index `args[0]` other than an
/// integer literal.
pub(super) fn check_index(m: StrMethod, args: &[Arg], span: &Range<usize>) -> Result<()> {
    if m != StrMethod::Insert {
        return Ok(());
    }
    let literal = |e: &crate::program::Expr| match &e.kind {
        E::Literal(Literal::Int(_)) => true,
        E::UnaryOp(UnaryOp::Neg, x) => matches!(x.kind, E::Literal(Literal::Int(_))),
        _ => false,
    };
    match args.first() {
        Some(Arg::Positional(i)) if literal(i) => Ok(()),
        _ => refuse(
            span,
            "`insert` at an index known only when the program runs",
            "Python counts a negative index from the end and inserts past the end as `append` \
             does, where `Vec::insert` panics: insert at a literal index, or `push` the item",
        ),
    }
}
