//! Integers beside floats at one place of a list's tuples, as
//! `for a, b in [(7, 2), (1.0, 0)]:`, whose loop prints them: Python keeps
//! `7` an integer and prints it `7`, so that place is the listing's
//! `Number` (see `numbers`). A division, floor division or remainder of
//! such numbers where the program catches its `ZeroDivisionError` is a
//! method of `Number` that picks Python's result and message by the
//! operands' types as it runs (`7 // 2` is `3`, `7.0 // 2` is `3.0`;
//! `1 % 0` says "integer modulo by zero", `1.0 % 0` "float modulo").

use super::code::Code;
use super::promoted::shown_of;
use super::types::Ty;
use crate::render::plan::ir::ast::{Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;
use std::collections::HashMap;
use std::ops::Range;

/// Whether `e` is an integer literal (`Some(true)`), a float literal
/// (`Some(false)`), either negated, or another expression.
fn int_literal(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Lit(Value::Int(_)) => Some(true),
        ExprKind::Lit(Value::Float(_)) => Some(false),
        ExprKind::Unary(UnaryOp::Neg, x) => int_literal(x),
        _ => None,
    }
}

/// The places of a list display's tuples holding an integer literal in one
/// tuple and a float literal in another.
pub(super) fn mixed_places(items: &[Expr]) -> Vec<usize> {
    let tuples: Vec<&Vec<Expr>> = items
        .iter()
        .filter_map(|x| match &x.kind {
            ExprKind::Tuple(t) => Some(t),
            _ => None,
        })
        .collect();
    let width = tuples.iter().map(|t| t.len()).max().unwrap_or(0);
    (0..width)
        .filter(|at| {
            let ints: Vec<bool> = tuples
                .iter()
                .filter_map(|t| t.get(*at).and_then(int_literal))
                .collect();
            ints.contains(&true) && ints.contains(&false)
        })
        .collect()
}

/// The list displays a `for` loop unpacks whose mixed places bind names the
/// loop's body shows, with those places: their items are `Number`s.
pub(super) fn number_tuple_lists(demo: &Demo) -> HashMap<Range<usize>, Vec<usize>> {
    let mut out = HashMap::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let StmtKind::For { var, over, body } = &s.kind else {
                return;
            };
            let ExprKind::List(items) = &over.kind else {
                return;
            };
            let Some(names) = super::tuples::pattern_names(var) else {
                return;
            };
            let mut shown = Vec::new();
            walk(body, &mut |s| {
                for e in shown_of(s) {
                    if let ExprKind::Var(v) = &e.kind {
                        shown.push(v.clone());
                    }
                }
            });
            let places: Vec<usize> = mixed_places(items)
                .into_iter()
                .filter(|at| names.get(*at).is_some_and(|n| shown.iter().any(|v| v == n)))
                .collect();
            if !places.is_empty() {
                out.insert(over.span.clone(), places);
            }
        });
    }
    out
}

/// The type of the tuples of a list display whose `places` are `Number`s.
pub(super) fn with_numbers(t: &mut Ty, places: &[usize]) {
    if let Ty::Tuple(items) = t {
        for at in places {
            if let Some(item) = items.get_mut(*at) {
                *item = Ty::Number;
            }
        }
    }
}

/// Whether `op` is one a `Number` does where its `ZeroDivisionError` is
/// caught.
pub(super) fn checked_op(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Div | BinaryOp::FloorDiv | BinaryOp::Mod)
}

/// `a op b` of a `Number` and a number, checked for a zero divisor:
/// `a.floor_div(b)?`; `None` when neither is a `Number`.
pub(super) fn checked(op: BinaryOp, a: &Code, b: &Code) -> Option<Code> {
    let number = |c: &Code| matches!(c.ty, Ty::Int | Ty::Float | Ty::Number);
    if !(a.ty == Ty::Number || b.ty == Ty::Number) || !number(a) || !number(b) {
        return None;
    }
    let (method, ty) = match op {
        BinaryOp::Div => ("true_div", Ty::Float),
        BinaryOp::FloorDiv => ("floor_div", Ty::Number),
        BinaryOp::Mod => ("modulo", Ty::Number),
        _ => return None,
    };
    let a = match a.ty {
        Ty::Number => a.wrap(10),
        _ => super::numbers::number(a),
    };
    let b = super::numbers::number(b);
    let mut c = Code::new(format!("{a}.{method}({b})?"), ty, 10);
    c.fresh = true;
    Some(c)
}

/// `a.floor_div(b)?` (a checked operation, whole) without its `?`: the
/// `Result` a fallible function returns as it is; `None` for other text.
pub(super) fn unchecked(text: &str) -> Option<String> {
    let body = text.strip_suffix(")?")?;
    let at = [".true_div(", ".floor_div(", ".modulo("]
        .iter()
        .filter_map(|m| body.rfind(m).map(|i| i + m.len()))
        .max()?;
    // The method's parentheses close at the end, and the receiver is a name.
    let mut depth = 1i32;
    for c in body[at..].chars() {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        if depth == 0 {
            return None;
        }
    }
    let receiver = &body[..body[..at].rfind('.')?];
    let plain = receiver.chars().all(|c| c.is_alphanumeric() || c == '_');
    plain.then(|| text[..text.len() - 1].to_string())
}

const TRUE_DIV: &[&str] = &[
    "    /// Python's `a / b`: a float, or the `ZeroDivisionError` of a zero divisor.",
    "    fn true_div(self, b: Number) -> Result<f64, Error> {",
    "        let message = match (self, b) {",
    "            (Number::Int(_), Number::Int(0)) => \"division by zero\",",
    "            _ if b.to_f64() == 0.0 => \"float division by zero\",",
    "            _ => return Ok(self.to_f64() / b.to_f64()),",
    "        };",
    "        Err(Error::ZeroDivisionError(message.to_string()))",
    "    }",
];

const FLOOR_DIV: &[&str] = &[
    "    /// Python's `a // b`: an integer of two integers, else a float; or the",
    "    /// `ZeroDivisionError` of a zero divisor.",
    "    fn floor_div(self, b: Number) -> Result<Number, Error> {",
    "        let message = match (self, b) {",
    "            (Number::Int(_), Number::Int(0)) => \"integer division or modulo by zero\",",
    "            (Number::Int(a), Number::Int(b)) => return Ok(Number::Int(py_floordiv(a, b))),",
    "            _ if b.to_f64() == 0.0 => \"float floor division by zero\",",
    "            _ => return Ok(Number::Float(py_ffloordiv(self.to_f64(), b.to_f64()))),",
    "        };",
    "        Err(Error::ZeroDivisionError(message.to_string()))",
    "    }",
];

const MODULO: &[&str] = &[
    "    /// Python's `a % b`: an integer of two integers, else a float; or the",
    "    /// `ZeroDivisionError` of a zero divisor.",
    "    fn modulo(self, b: Number) -> Result<Number, Error> {",
    "        let message = match (self, b) {",
    "            (Number::Int(_), Number::Int(0)) => \"integer modulo by zero\",",
    "            (Number::Int(a), Number::Int(b)) => return Ok(Number::Int(py_mod(a, b))),",
    "            _ if b.to_f64() == 0.0 => \"float modulo\",",
    "            _ => return Ok(Number::Float(py_fmod(self.to_f64(), b.to_f64()))),",
    "        };",
    "        Err(Error::ZeroDivisionError(message.to_string()))",
    "    }",
];

/// The methods of `Number` for the checked operations the listing's lines
/// call (see `numbers::helpers`, which writes them in its `impl Number`).
pub(super) fn helpers(lines: &[String]) -> Vec<String> {
    let calls = |name: &str| lines.iter().any(|l| l.contains(name));
    let mut out = Vec::new();
    for (name, text) in [
        (".true_div(", TRUE_DIV),
        (".floor_div(", FLOOR_DIV),
        (".modulo(", MODULO),
    ] {
        if calls(name) {
            out.push(String::new());
            out.extend(text.iter().map(|l| l.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unchecked;

    #[test]
    fn only_a_whole_checked_call_of_a_name_loses_its_question_mark() {
        assert_eq!(
            unchecked("a.floor_div(Number::Int(b))?").as_deref(),
            Some("a.floor_div(Number::Int(b))")
        );
        assert_eq!(unchecked("a.modulo(b)?").as_deref(), Some("a.modulo(b)"));
        assert_eq!(unchecked("Number::Float(a.true_div(b)?)"), None);
        assert_eq!(unchecked("a.modulo(b)?.to_f64()"), None);
        assert_eq!(unchecked("f(x)?.floor_div(b)?"), None);
        assert_eq!(unchecked("a / py_nonzero(b, \"m\")?"), None);
    }
}
