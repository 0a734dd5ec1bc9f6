//! The arguments of `strip`, `lstrip`, `rstrip` and `split` that the
//! listing takes only as literals: the characters stripped (a set of
//! characters in Python, a `char` or an array of them in Rust), and the
//! separator and count of `s.split(sep, maxsplit)` (Rust's `splitn` counts
//! pieces, Python's `maxsplit` cuts; Python splits on whitespace for a
//! `None` separator and refuses an empty one with a `ValueError`).

use super::{Result, refuse};
use crate::program::{Arg, ExprKind as E, Literal};
use crate::render::plan::ir::expr::StrMethod;
use std::ops::Range;

/// Refuses characters to strip, a separator or a count of splits that is
/// not a literal the listing can write.
pub(super) fn check_literals(m: StrMethod, args: &[Arg], span: &Range<usize>) -> Result<()> {
    let literal_str =
        |a: &Arg| matches!(a, Arg::Positional(x) if matches!(&x.kind, E::Literal(Literal::Str(_))));
    let separator = |a: &Arg| matches!(a, Arg::Positional(x) if matches!(&x.kind, E::Literal(Literal::Str(s)) if !s.is_empty()));
    match (m, args) {
        (StrMethod::Strip | StrMethod::LStrip | StrMethod::RStrip, [chars]) => {
            if literal_str(chars) {
                return Ok(());
            }
            refuse(
                span,
                "these characters to strip",
                "the Rust listing strips characters given as a string literal (a `char` or \
                 an array of them for `trim_matches`); Python strips whitespace for `None`",
            )
        }
        (StrMethod::Split, [sep]) => {
            if separator(sep) || !literal_str(sep) {
                return Ok(());
            }
            refuse(
                span,
                "this empty separator of `split`",
                "Python raises `ValueError` for an empty separator, where Rust's `split` \
                 gives each character",
            )
        }
        (StrMethod::Split, [sep, Arg::Positional(n)]) => {
            if separator(sep) && matches!(&n.kind, E::Literal(Literal::Int(_))) {
                return Ok(());
            }
            refuse(
                span,
                "these arguments of `split`",
                "the Rust listing writes `split(sep, maxsplit)` as `splitn(maxsplit + 1, sep)` \
                 for a non-empty string literal `sep` and an integer literal `maxsplit` \
                 (Python splits on runs of whitespace for `None`, which `splitn` has no form of)",
            )
        }
        (StrMethod::Split, [_, _]) => refuse(
            span,
            "these arguments",
            "the Rust listing passes the arguments of this method by position",
        ),
        _ => Ok(()),
    }
}
