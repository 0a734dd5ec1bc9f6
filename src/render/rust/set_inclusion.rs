//! The order of sets by inclusion: `a <= b` is `a.is_subset(&b)`, `a >= b`
//! `a.is_superset(&b)`, and the strict `a < b` and `a > b` add that the
//! two differ, where each side is a name the listing may read twice. (`BTreeSet`'s own `<` compares the items in order, as a
//! list does: never the listing's form of Python's `<` of sets.)

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};

/// `a op b` of two sets compared by inclusion; `None` for any other
/// operation.
pub(super) fn inclusion(op: BinaryOp, a: &Code, b: &Code) -> Option<Code> {
    if !matches!(a.ty, Ty::Set(_)) || !matches!(b.ty, Ty::Set(_)) {
        return None;
    }
    let method = match op {
        BinaryOp::Lt | BinaryOp::Le => "is_subset",
        BinaryOp::Gt | BinaryOp::Ge => "is_superset",
        _ => return None,
    };
    let test = format!("{}.{method}({})", a.wrap(10), borrowed(b));
    Some(if matches!(op, BinaryOp::Lt | BinaryOp::Gt) {
        Code::new(
            format!("{} != {} && {test}", a.wrap(5), b.wrap(5)),
            Ty::Bool,
            2,
        )
    } else {
        Code::new(test, Ty::Bool, 10)
    })
}

/// A set given to a method that borrows it.
fn borrowed(c: &Code) -> String {
    if c.text.starts_with('&') {
        c.text.clone()
    } else {
        format!("&{}", c.wrap(10))
    }
}

/// Whether the strict comparison `a op b` of sets reads each side as the
/// listing may read it twice: a name.
pub(super) fn read_twice(op: BinaryOp, a: &Expr, b: &Expr) -> bool {
    let name = |e: &Expr| matches!(e.kind, ExprKind::Var(_));
    !matches!(op, BinaryOp::Lt | BinaryOp::Gt) || name(a) && name(b)
}
