//! `"1" + 1` and `1 + "x"`: a sum of a string literal and another
//! literal, which Python always refuses with `TypeError`, written as the
//! `raise` it is (Rust's types would reject the sum itself). So are the
//! built-in calls Python refuses whatever the program's state:
//!
//! | call | CPython's `TypeError` |
//! |---|---|
//! | `abs(C())` of a class of the program without `__abs__`, `abs("x")`, `abs(None)` | `bad operand type for abs(): 'C'` |
//! | `hash([...])`, `hash({...})` of a list, dict or set literal | `unhashable type: 'list'` |
//! | `len(5)` of a number, boolean or `None` literal | `object of type 'int' has no len()` |

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
        if let Some(message) = self.refused_builtin(e) {
            return Some(StmtKind::Raise {
                class: "TypeError".into(),
                message: Some(Expr::lit(Value::Str(message.into()))),
            });
        }
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

    /// The message of the `TypeError` of a built-in call Python refuses
    /// (see the module's table), or `None`.
    fn refused_builtin(&self, e: &py::Expr) -> Option<String> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        let E::Name(py::Name::Global(name)) = &f.kind else {
            return None;
        };
        let [py::Arg::Positional(x)] = args.as_slice() else {
            return None;
        };
        if self.defs.contains_key(&**name) {
            return None;
        }
        match &**name {
            "abs" => {
                let class = self.abs_without_dunder(x)?;
                Some(format!("bad operand type for abs(): '{class}'"))
            }
            "hash" => {
                let class = match &x.kind {
                    E::List(_) => "list",
                    E::Dict(_) => "dict",
                    E::Set(_) => "set",
                    _ => return None,
                };
                Some(format!("unhashable type: '{class}'"))
            }
            "len" => match &x.kind {
                E::Literal(Literal::Str(_) | Literal::BigInt(_)) => None,
                E::Literal(_) => Some(format!("object of type '{}' has no len()", type_name(x)?)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The class name of `x` when Python has no `abs` of it: an instance
    /// `C()` of a class of the program that neither defines `__abs__` nor
    /// derives from another class, a string or `None` literal.
    fn abs_without_dunder(&self, x: &py::Expr) -> Option<String> {
        match &x.kind {
            E::Literal(Literal::Str(_) | Literal::None) => type_name(x).map(str::to_string),
            E::Call(c, none) if none.is_empty() => {
                let E::Name(py::Name::Global(class)) = &c.kind else {
                    return None;
                };
                self.program.module.body.iter().find_map(|s| match &s.kind {
                    P::Class {
                        code, name, bases, ..
                    } if bases.is_empty()
                        && matches!(name, py::Name::Global(n) if n == class)
                        && !defines(&code.body, "__abs__") =>
                    {
                        Some(class.to_string())
                    }
                    _ => None,
                })
            }
            _ => None,
        }
    }
}

/// Whether a class body defines the method `name`, or may (it assigns a
/// class attribute).
fn defines(body: &[py::Stmt], name: &str) -> bool {
    body.iter().any(|s| match &s.kind {
        P::Def { code, .. } => &*code.name == name,
        P::Assign { .. } => true,
        _ => false,
    })
}
