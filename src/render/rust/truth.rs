//! `bool(x)`: a value's truth as Python's `if x:` tests it (zero, empty
//! and `None` are false).

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::BinaryOp;

/// `bool(x)` for `x` written as `c`; `None` and an empty display (`[]`,
/// `{}`, whose item type Rust could not tell) are `false`.
pub(super) fn bool_of(c: &Code) -> Code {
    let empty = matches!(c.text.as_str(), "vec![]" | "IndexMap::new()");
    match &c.ty {
        Ty::Unit => Code::new("false", Ty::Bool, 10),
        _ if empty => Code::new("false", Ty::Bool, 10),
        Ty::Option(_) => Code::new(format!("{}.is_some()", c.wrap(10)), Ty::Bool, 10),
        _ => c.truthy(),
    }
}

/// An operand of arithmetic: a `bool` counts as the int `0` or `1`, as in
/// Python (`True + True` is `2`), written `i64::from(b)`.
pub(super) fn counted(op: BinaryOp, c: Code) -> Code {
    use BinaryOp::*;
    if c.ty != Ty::Bool || !matches!(op, Add | Sub | Mul | Div | FloorDiv | Mod | Pow) {
        return c;
    }
    Code::new(format!("i64::from({})", c.text), Ty::Int, 10)
}
