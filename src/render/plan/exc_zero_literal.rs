//! `1 / 0`, `2.5 % 0`, `divmod(1, 0)`: a division of a number literal by
//! a literal zero, which Python always refuses with `ZeroDivisionError`,
//! written as the `raise` it is, with CPython's message for the
//! operator and the operands' types:
//!
//! | operation | both integers | a float among them |
//! |---|---|---|
//! | `a / 0` | `division by zero` | `float division by zero` |
//! | `a // 0` | `integer division or modulo by zero` | `float floor division by zero` |
//! | `a % 0` | `integer modulo by zero` | `float modulo` |
//! | `divmod(a, 0)` | `integer division or modulo by zero` | `float divmod()` |
//!
//! Only as a statement or the value of a `return`, so that no value is
//! made of it (its type would otherwise be the division's).

use super::Planner;
use crate::program::{self as py, BinOp, ExprKind as E, Literal, StmtKind as P, UnaryOp};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::value::Value;

/// Whether `e` is a number literal (or one negated): `Some(true)` for a
/// float, `Some(false)` for an integer, with whether it is zero.
fn number(e: &py::Expr) -> Option<(bool, bool)> {
    match &e.kind {
        E::Literal(Literal::Int(n)) => Some((false, *n == 0)),
        E::Literal(Literal::Float(x)) => Some((true, *x == 0.0)),
        E::UnaryOp(UnaryOp::Neg, x) => number(x),
        _ => None,
    }
}

/// CPython's message for `op` by zero, `float` when an operand is one;
/// `None` for `divmod`'s.
fn message(op: Option<BinOp>, float: bool) -> Option<&'static str> {
    Some(match (op, float) {
        (Some(BinOp::Div), false) => "division by zero",
        (Some(BinOp::Div), true) => "float division by zero",
        (Some(BinOp::FloorDiv), false) | (None, false) => "integer division or modulo by zero",
        (Some(BinOp::FloorDiv), true) => "float floor division by zero",
        (Some(BinOp::Mod), false) => "integer modulo by zero",
        (Some(BinOp::Mod), true) => "float modulo",
        (None, true) => "float divmod()",
        _ => return None,
    })
}

impl Planner<'_> {
    /// `return a / 0` or `a / 0` as a statement (`//`, `%`, `divmod(a,
    /// 0)` too) of number literals: the `ZeroDivisionError` it raises.
    /// `None` for another statement.
    pub(super) fn failing_division(&self, s: &py::Stmt) -> Option<StmtKind> {
        let (P::Return(Some(e)) | P::Expr(e)) = &s.kind else {
            return None;
        };
        let (op, a, b) = match &e.kind {
            E::BinOp(op, a, b) => (Some(*op), &**a, &**b),
            E::Call(f, args) => {
                let E::Name(py::Name::Global(name)) = &f.kind else {
                    return None;
                };
                let [py::Arg::Positional(a), py::Arg::Positional(b)] = args.as_slice() else {
                    return None;
                };
                if &**name != "divmod" || self.defs.contains_key("divmod") {
                    return None;
                }
                (None, a, b)
            }
            _ => return None,
        };
        let ((a_float, _), (b_float, zero)) = (number(a)?, number(b)?);
        if !zero {
            return None;
        }
        let message = message(op, a_float || b_float)?;
        Some(StmtKind::Raise {
            class: "ZeroDivisionError".into(),
            message: Some(Expr::lit(Value::Str(message.into()))),
        })
    }
}
