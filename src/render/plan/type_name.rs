//! `type(x).__name__` where the plan knows the Python type of `x` without
//! running it: the listing writes the name itself, as a Rust value's type
//! is fixed when the program builds. Of a variable, the listing's Rust type
//! decides it (`Builtin::TypeName`, see `rust::type_names`).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Name};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// `type(x).__name__` as a string literal, when `x` is an expression
    /// whose type the plan knows and that only makes its value (a literal,
    /// arithmetic or a built-in call over such values and variables).
    pub(super) fn type_name(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Attr(obj, attr) = &e.kind else {
            return Ok(None);
        };
        let E::Call(f, args) = &obj.kind else {
            return Ok(None);
        };
        let (E::Name(Name::Global(t)), [Arg::Positional(x)]) = (&f.kind, args.as_slice()) else {
            return Ok(None);
        };
        if &**attr != "__name__" || &**t != "type" || self.defs.contains_key("type") {
            return Ok(None);
        }
        let x = self.expr(sc, x)?;
        Ok(match python_type(&x) {
            Some(name) => Some(ExprKind::Lit(Value::Str(name.into()))),
            // The Rust type of a variable decides it.
            None if matches!(x.kind, ExprKind::Var(_)) => {
                Some(ExprKind::Call(Builtin::TypeName, vec![x]))
            }
            None => None,
        })
    }
}

/// The Python type of a value that `e` makes with no effect besides.
pub(super) fn python_type(e: &Expr) -> Option<&'static str> {
    let pure = |x: &Expr| {
        matches!(x.kind, ExprKind::Lit(_) | ExprKind::Var(_)) || python_type(x).is_some()
    };
    match &e.kind {
        ExprKind::Lit(Value::None) => Some("NoneType"),
        ExprKind::Lit(v) => Some(v.type_name()),
        ExprKind::Template(_) => Some("str"),
        ExprKind::List(items) if items.iter().all(pure) => Some("list"),
        ExprKind::Tuple(items) if items.iter().all(pure) => Some("tuple"),
        ExprKind::Unary(UnaryOp::Not, x) if pure(x) => Some("bool"),
        ExprKind::Unary(UnaryOp::Neg, x) => number(python_type(x)?),
        ExprKind::Binary(op, a, b) => {
            let (a, b) = (number(python_type(a)?)?, number(python_type(b)?)?);
            match op {
                BinaryOp::Div => Some("float"),
                BinaryOp::Add
                | BinaryOp::Sub
                | BinaryOp::Mul
                | BinaryOp::FloorDiv
                | BinaryOp::Mod => Some(if a == "float" || b == "float" {
                    "float"
                } else {
                    "int"
                }),
                _ => None,
            }
        }
        ExprKind::Call(b, args) if args.iter().all(pure) => match (b, args.as_slice()) {
            (Builtin::Len | Builtin::Int, _) => Some("int"),
            (Builtin::Float, _) => Some("float"),
            (Builtin::Str | Builtin::Repr, _) => Some("str"),
            (Builtin::Sorted | Builtin::List, _) => Some("list"),
            (Builtin::Dict, _) => Some("dict"),
            (Builtin::Bool, _) => Some("bool"),
            (Builtin::Round, [_]) => Some("int"),
            // `round(x, n)` keeps the type of `x`.
            (Builtin::Round | Builtin::Abs, [x, ..]) => number(python_type(x)?),
            _ => None,
        },
        _ => None,
    }
}

/// `name` when it is a number type (`bool` counts as `int` in arithmetic).
fn number(name: &str) -> Option<&'static str> {
    match name {
        "int" | "bool" => Some("int"),
        "float" => Some("float"),
        _ => None,
    }
}
