//! `a and b` / `a or b` return one of their operands, not a boolean. An
//! operand whose truth is plain from its text (a literal, an empty
//! display) decides at once: `1 and 2` is `2`, `"" or "default"` is
//! `"default"`. The rest chain as [`BinaryOp::And`] / [`BinaryOp::Or`],
//! which the listing writes as a test where Python tests the value and as
//! the operand Python returns where it keeps it.

use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;

/// The truth of `e` when its text alone tells it.
fn known_truth(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Lit(v) => Some(v.truthy()),
        ExprKind::List(items) | ExprKind::Tuple(items) if items.is_empty() => Some(false),
        _ => None,
    }
}

/// The operands of one `and` (or `or`) chain, planned, as one expression:
/// a leading operand of known truth either is the result (`0 and x` is
/// `0`, `1 or x` is `1`) or drops out (`1 and x` is `x`).
pub(super) fn chain(op: BinaryOp, operands: Vec<Expr>) -> ExprKind {
    let stops = |truth: bool| if op == BinaryOp::And { !truth } else { truth };
    let mut operands = operands.into_iter().peekable();
    let mut acc: Option<Expr> = None;
    while let Some(e) = operands.next() {
        let last = operands.peek().is_none();
        acc = Some(match acc {
            None => match known_truth(&e) {
                Some(t) if stops(t) || last => return e.kind,
                Some(_) => continue,
                None => e,
            },
            Some(a) => {
                let span = a.span.start..e.span.end;
                Expr {
                    kind: ExprKind::Binary(op, Box::new(a), Box::new(e)),
                    span,
                }
            }
        });
    }
    acc.expect("a bool op has operands").kind
}

/// `not x`: `True` or `False` at once where the text of `x` tells its
/// truth (`not None`, `not []`, `not 0`).
pub(super) fn not(x: Expr) -> ExprKind {
    match known_truth(&x) {
        Some(truth) => ExprKind::Lit(Value::Bool(!truth)),
        None => ExprKind::Unary(UnaryOp::Not, Box::new(x)),
    }
}
