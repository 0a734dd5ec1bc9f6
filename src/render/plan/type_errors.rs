//! `"1" + 1` and `1 + "x"`: a sum of a string literal and another
//! literal, which Python always refuses with `TypeError`, written as the
//! `raise` it is (Rust's types would reject the sum itself).

use super::Planner;
use crate::program::{self as py, BinOp, ExprKind as E, Literal, StmtKind as P};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::value::Value;

/// The class name Python gives a literal's value.
fn type_name(e: &py::Expr) -> Option<&'static str> {
    Some(match &e.kind {
        E::Literal(Literal::Int(_) | Literal::BigInt(_)) => "int",
        E::Literal(Literal::Float(_)) => "float",
        E::Literal(Literal::Str(_)) => "str",
        E::Literal(Literal::Bool(_)) => "bool",
        E::Literal(Literal::None) => "NoneType",
        _ => return None,
    })
}

impl Planner<'_> {
    /// `return a + b` or `a + b` as a statement, of a string literal and
    /// a literal of another type: the `TypeError` it raises, with
    /// CPython's message. `None` for another statement.
    pub(super) fn failing_sum(&self, s: &py::Stmt) -> Option<StmtKind> {
        let (P::Return(Some(e)) | P::Expr(e)) = &s.kind else {
            return None;
        };
        let E::BinOp(BinOp::Add, a, b) = &e.kind else {
            return None;
        };
        let (a, b) = (type_name(a)?, type_name(b)?);
        let message = match (a, b) {
            ("str", "str") => return None,
            ("str", other) => format!("can only concatenate str (not \"{other}\") to str"),
            (_, "str") => format!("unsupported operand type(s) for +: '{a}' and 'str'"),
            _ => return None,
        };
        Some(StmtKind::Raise {
            class: "TypeError".into(),
            message: Some(Expr::lit(Value::Str(message.into()))),
        })
    }
}
