//! Equality of values of different types (`x is None`, `x == None`,
//! `"1" == 1`, `0 == False`): Python's `None` is Rust's `()`, and Python
//! finds a string, a number, a list, a tuple, a dict and `None` unequal to
//! one another, so the listing writes what the comparison gives; a `bool`
//! compared with an int is the int `0` or `1`, as in Python.

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::BinaryOp;

/// Which of Python's kinds of values a type holds: values of two kinds
/// are never equal.
fn kind(t: &Ty) -> Option<u8> {
    Some(match t {
        Ty::Unit => 0,
        Ty::Bool | Ty::Int | Ty::Float => 1,
        Ty::Str => 2,
        Ty::List(_) => 3,
        Ty::Tuple(_) => 4,
        Ty::Dict(..) => 5,
        _ => return None,
    })
}

/// `a == b` or `a != b` of values of two types Rust does not compare;
/// `None` when Rust compares them as they are.
pub(super) fn across_types(op: BinaryOp, a: &Code, b: &Code) -> Option<Code> {
    if !matches!(op, BinaryOp::Eq | BinaryOp::Ne) || a.ty == b.ty {
        return None;
    }
    let (ka, kb) = (kind(&a.ty)?, kind(&b.ty)?);
    if ka != kb {
        return Some(Code::new((op == BinaryOp::Ne).to_string(), Ty::Bool, 10));
    }
    let int = |c: &Code| match c.ty {
        Ty::Bool => format!("i64::from({})", c.text),
        _ => c.wrap(5),
    };
    if !matches!((&a.ty, &b.ty), (Ty::Bool, Ty::Int) | (Ty::Int, Ty::Bool)) {
        return None;
    }
    let sym = if op == BinaryOp::Eq { "==" } else { "!=" };
    Some(Code::new(
        format!("{} {sym} {}", int(a), int(b)),
        Ty::Bool,
        4,
    ))
}
