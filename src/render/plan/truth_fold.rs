//! `any([...])` and `all([...])` of a list written with literals only
//! (`any([0, "", None])`): the list may hold values of several types, which
//! a Rust `Vec` cannot, but Python's answer is known from the literals, so
//! the listing writes it.

use crate::program::{self as py, Arg, ExprKind as E, Literal};
use crate::render::plan::ir::expr::{Builtin, ExprKind};
use crate::render::plan::ir::value::Value;

/// The truth of a literal (a list or tuple of literals included); `None`
/// for another expression.
fn truth(e: &py::Expr) -> Option<bool> {
    Some(match &e.kind {
        E::Literal(Literal::None) => false,
        E::Literal(Literal::Bool(b)) => *b,
        E::Literal(Literal::Int(i)) => *i != 0,
        E::Literal(Literal::BigInt(_)) => true,
        E::Literal(Literal::Float(f)) => *f != 0.0,
        E::Literal(Literal::Str(s)) => !s.is_empty(),
        E::List(items) | E::Tuple(items) => {
            items.iter().try_for_each(|x| truth(x).map(drop))?;
            !items.is_empty()
        }
        _ => return None,
    })
}

/// `any` or `all` of a list of literals of several kinds, as the boolean
/// Python gives.
pub(super) fn fold(b: Builtin, args: &[Arg]) -> Option<ExprKind> {
    let [Arg::Positional(list)] = args else {
        return None;
    };
    let E::List(items) = &list.kind else {
        return None;
    };
    // A list of one kind of values is a `Vec` the listing tests at run time.
    let kind = |x: &py::Expr| std::mem::discriminant(&x.kind);
    let one_kind = |x: &py::Expr| match (&x.kind, &items[0].kind) {
        (E::Literal(a), E::Literal(b)) => std::mem::discriminant(a) == std::mem::discriminant(b),
        _ => kind(x) == kind(&items[0]),
    };
    if items.iter().all(one_kind) {
        return None;
    }
    let truths = items.iter().map(truth).collect::<Option<Vec<bool>>>()?;
    let answer = match b {
        Builtin::Any => truths.iter().any(|t| *t),
        Builtin::All => truths.iter().all(|t| *t),
        _ => return None,
    };
    Some(ExprKind::Lit(Value::Bool(answer)))
}
