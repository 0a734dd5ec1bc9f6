//! Whether a float delay is known not to be negative: `Duration`'s
//! `from_secs_f64` panics on a negative number, where asyncio sleeps no
//! time, so a delay of unknown sign is written
//! `Duration::try_from_secs_f64(x).unwrap_or_default()`.

use super::float_repr::exact_values;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// Whether `e`, in function `func`, is never negative: a number that is
/// not, a variable whose few values are not or that counts up (one of
/// `counting`), a length, an absolute value,
/// sums, products and quotients of those, and a remainder by one of them.
pub(super) fn non_negative(demo: &Demo, func: &str, e: &Expr, counting: &[String]) -> bool {
    if exact_values(demo, func, e).is_some_and(|xs| xs.iter().all(|x| *x >= 0.0)) {
        return true;
    }
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => *n >= 0,
        ExprKind::Lit(Value::Float(x)) => *x >= 0.0,
        ExprKind::Call(Builtin::Len | Builtin::Abs, _) => true,
        ExprKind::Var(v) => counting.contains(v),
        ExprKind::Binary(
            BinaryOp::Add | BinaryOp::Mul | BinaryOp::Div | BinaryOp::FloorDiv,
            a,
            b,
        ) => non_negative(demo, func, a, counting) && non_negative(demo, func, b, counting),
        // Python's remainder takes the divisor's sign.
        ExprKind::Binary(BinaryOp::Mod, _, b) => non_negative(demo, func, b, counting),
        _ => false,
    }
}
