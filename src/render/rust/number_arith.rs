//! `+`, `-` and `*` of a `Number` (see `numbers`) and an integer or another
//! `Number`: Python's result is an integer of two integers and a float
//! otherwise, which `Number`'s operator impls pick as the program runs
//! (`delay * scale` is `1` for `delay = 1` and `5.0` for `delay = 0.5`).
//! The listing writes the operator, the integer operand as `Number::Int`,
//! and carries the impls its lines use.

use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::BinaryOp;

/// The Rust trait and method of `op`, when a `Number` has it.
fn op_trait(op: BinaryOp) -> Option<(&'static str, &'static str, &'static str)> {
    match op {
        BinaryOp::Add => Some(("Add", "add", "+")),
        BinaryOp::Sub => Some(("Sub", "sub", "-")),
        BinaryOp::Mul => Some(("Mul", "mul", "*")),
        _ => None,
    }
}

/// Whether `a op b` of operands of these types is one a `Number`'s
/// operator impls compute: `+`, `-` or `*` of a `Number` and an integer
/// or a `Number`.
pub(super) fn computes(op: BinaryOp, a: &Ty, b: &Ty) -> bool {
    let operand = |t: &Ty| matches!(t, Ty::Int | Ty::Number);
    op_trait(op).is_some() && (*a == Ty::Number || *b == Ty::Number) && operand(a) && operand(b)
}

/// `a op b` of such operands, with the name of the trait it takes;
/// `None` for other operations.
pub(super) fn arith(op: BinaryOp, a: &Code, b: &Code) -> Option<(Code, &'static str)> {
    if !computes(op, &a.ty, &b.ty) {
        return None;
    }
    let (name, _, sym) = op_trait(op)?;
    let operand = |c: &Code, min: u8| match c.ty {
        Ty::Number => c.wrap(min),
        _ => super::numbers::number(c),
    };
    let prec = if op == BinaryOp::Mul { 6 } else { 5 };
    // A right operand of the same strength keeps its parentheses: Python
    // computes it first, and float arithmetic is not associative.
    let text = format!("{} {sym} {}", operand(a, prec), operand(b, prec + 1));
    Some((Code::new(text, Ty::Number, prec), name))
}

/// The operator impls of `Number` for the traits the listing uses.
pub(super) fn helpers(used: &std::collections::BTreeSet<&'static str>) -> Vec<String> {
    let mut out = Vec::new();
    for op in [BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul] {
        let Some((name, method, sym)) = op_trait(op) else {
            continue;
        };
        if !used.contains(name) {
            continue;
        }
        out.extend([
            format!("/// Python's `{sym}`: an integer of two integers, else a float."),
            format!("impl std::ops::{name} for Number {{"),
            "    type Output = Number;".to_string(),
            String::new(),
            format!("    fn {method}(self, b: Number) -> Number {{"),
            "        match (self, b) {".to_string(),
            format!("            (Number::Int(a), Number::Int(b)) => Number::Int(a {sym} b),"),
            format!("            (a, b) => Number::Float(a.to_f64() {sym} b.to_f64()),"),
            "        }".to_string(),
            "    }".to_string(),
            "}".to_string(),
            String::new(),
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_integer_operand_is_a_number_and_the_result_one_too() {
        let a = Code::new("delay", Ty::Number, 10);
        let b = Code::new("scale", Ty::Int, 10);
        let (c, name) = arith(BinaryOp::Mul, &a, &b).expect("a Number times an int");
        assert_eq!(c.text, "delay * Number::Int(scale)");
        assert_eq!(c.ty, Ty::Number);
        assert_eq!(name, "Mul");
        assert!(arith(BinaryOp::Div, &a, &b).is_none());
        let f = Code::new("x", Ty::Float, 10);
        assert!(arith(BinaryOp::Add, &a, &f).is_none());
    }

    #[test]
    fn an_operation_on_the_right_keeps_its_parentheses() {
        let a = Code::new("a", Ty::Number, 10);
        let b = Code::new("b - c", Ty::Number, 5);
        let (c, _) = arith(BinaryOp::Sub, &a, &b).expect("a Number minus a Number");
        assert_eq!(c.text, "a - (b - c)");
        let (c, _) = arith(BinaryOp::Add, &b, &a).expect("a Number plus a Number");
        assert_eq!(c.text, "b - c + a");
    }
}
