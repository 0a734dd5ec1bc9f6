//! `s.isdigit()` and `s.isalpha()`: a string that is not empty and whose
//! characters all are of the class. Digits are ASCII digits, the ones the
//! listing's `parse::<i64>()` reads; letters are Unicode's alphabetic
//! characters (`char::is_alphabetic`).

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::StrMethod;

/// `s.isdigit()` or `s.isalpha()`; `None` for another method.
pub(super) fn method(m: StrMethod, s: &Code) -> Option<Code> {
    let test = match m {
        StrMethod::IsDigit => "|c| c.is_ascii_digit()",
        StrMethod::IsAlpha => "char::is_alphabetic",
        _ => return None,
    };
    let s = s.wrap(10);
    Some(Code::new(
        format!("!{s}.is_empty() && {s}.chars().all({test})"),
        Ty::Bool,
        2,
    ))
}
