//! `s.isdigit()` and `s.isalpha()`: the listing reads the string twice
//! (`!s.is_empty() && s.chars().all(...)`), so it takes them on a variable;
//! on a literal, the listing writes the answer.

use super::{Result, refuse};
use crate::program::{self as py, ExprKind as E, Literal, Name};
use crate::render::plan::ir::expr::{ExprKind, StrMethod};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// `isdigit` or `isalpha` of a string literal, as the listing's test
/// answers it; refuses them called on something other than a variable or
/// a string literal. `None` for other methods, or on a variable.
pub(super) fn class_test(
    m: StrMethod,
    obj: &py::Expr,
    span: &Range<usize>,
) -> Result<Option<ExprKind>> {
    let test: fn(char) -> bool = match m {
        StrMethod::IsDigit => |c| c.is_ascii_digit(),
        StrMethod::IsAlpha => char::is_alphabetic,
        _ => return Ok(None),
    };
    match &obj.kind {
        E::Name(Name::Local(..) | Name::Cell(..)) => Ok(None),
        E::Literal(Literal::Str(s)) => Ok(Some(ExprKind::Lit(Value::Bool(
            !s.is_empty() && s.chars().all(test),
        )))),
        _ => refuse(
            span,
            "`isdigit` or `isalpha` on this",
            "the Rust listing tests a string that is not empty and whose characters all are \
             digits or letters, reading it twice: give it a variable first",
        ),
    }
}
