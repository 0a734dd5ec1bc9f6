//! The arguments of the search methods the listing takes only as literals:
//! the count of `s.replace(old, new, count)` (its sign picks `replacen` or
//! `replace`) and the separator of `s.partition(sep)` (Python refuses an
//! empty one with a `ValueError`).

use super::{Result, refuse};
use crate::program::{Arg, ExprKind as E, Literal, UnaryOp};
use crate::render::plan::ir::expr::StrMethod;
use std::ops::Range;

/// Refuses a `replace` count or a `partition` separator that is not a
/// literal the listing can write.
pub(super) fn check_literals(m: StrMethod, args: &[Arg], span: &Range<usize>) -> Result<()> {
    match (m, args) {
        (StrMethod::Replace, [_, _, Arg::Positional(n)]) => {
            let literal = match &n.kind {
                E::Literal(Literal::Int(_)) => true,
                E::UnaryOp(UnaryOp::Neg, x) => matches!(x.kind, E::Literal(Literal::Int(_))),
                _ => false,
            };
            if literal {
                return Ok(());
            }
            refuse(
                span,
                "this count of `replace`",
                "the Rust listing writes a count that is an integer literal: `replacen` \
                 with it, or `replace` when it is negative",
            )
        }
        (StrMethod::Partition, [Arg::Positional(sep)]) => {
            if matches!(&sep.kind, E::Literal(Literal::Str(s)) if !s.is_empty()) {
                return Ok(());
            }
            refuse(
                span,
                "this separator of `partition`",
                "the Rust listing partitions at a separator that is a non-empty string \
                 literal (Python raises `ValueError` for an empty one)",
            )
        }
        (StrMethod::Replace, [_, _, _]) | (StrMethod::Partition, _) => refuse(
            span,
            "these arguments",
            "the Rust listing passes the arguments of this method by position",
        ),
        _ => Ok(()),
    }
}
