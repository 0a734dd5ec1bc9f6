//! Operations on literals that Python always refuses, written as the
//! `raise` they are, with CPython's message (Rust's types would reject most
//! of them, or the listing would compute what Python never gives):
//!
//! | operation | CPython's exception |
//! |---|---|
//! | `int("abc")` of text no `int` reads | `ValueError: invalid literal for int() with base 10: 'abc'` |
//! | `{"a": 1}["b"]`, `{}[k]` of a key the literal dict lacks | `KeyError: 'b'` |
//! | `[1, 2][7]`, `(1, 2)[-3]`, `"ab"[5]` past the end | `IndexError: list index out of range` |
//! | `(3).upper()` of a name numbers lack | `AttributeError: 'int' object has no attribute 'upper'` |
//!
//! Only as a statement or the value of a `return`, so that no value is
//! made of it, and only where making the literal calls nothing.

use super::Planner;
use crate::program::{self as py, ExprKind as E, Literal, StmtKind as P, UnaryOp};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use crate::text::python_str_repr;

/// The attributes of Python 3.11's `int` (and `bool`) not written with
/// underscores.
const INT_ATTRS: &[&str] = &[
    "as_integer_ratio",
    "bit_count",
    "bit_length",
    "conjugate",
    "denominator",
    "from_bytes",
    "imag",
    "numerator",
    "real",
    "to_bytes",
];

/// The attributes of Python 3.11's `float` not written with underscores.
const FLOAT_ATTRS: &[&str] = &[
    "as_integer_ratio",
    "conjugate",
    "fromhex",
    "hex",
    "imag",
    "is_integer",
    "real",
];

/// A key of a literal dict, as Python compares keys (no booleans or
/// floats, which equal integers).
#[derive(PartialEq)]
enum Key {
    Int(i64),
    Str(String),
    Tuple(Vec<Key>),
}

impl Key {
    /// The key of literal `e`, if it is a plain integer, a string or a
    /// tuple of those.
    fn of(e: &py::Expr) -> Option<Key> {
        Some(match &e.kind {
            E::Literal(Literal::Int(n)) => Key::Int(*n),
            E::Literal(Literal::Str(s)) => Key::Str(s.to_string()),
            E::UnaryOp(UnaryOp::Neg, x) => match &x.kind {
                E::Literal(Literal::Int(n)) => Key::Int(n.checked_neg()?),
                _ => return None,
            },
            E::Tuple(items) => Key::Tuple(items.iter().map(Key::of).collect::<Option<_>>()?),
            _ => return None,
        })
    }

    /// The key as the plan's literal.
    fn expr(self) -> Expr {
        match self {
            Key::Int(n) => Expr::lit(Value::Int(n)),
            Key::Str(s) => Expr::lit(Value::Str(s.into())),
            Key::Tuple(items) => Expr {
                kind: ExprKind::Tuple(items.into_iter().map(Key::expr).collect()),
                span: 0..0,
            },
        }
    }
}

/// Whether making `e` calls nothing and cannot fail: literals and
/// displays of them.
fn inert(e: &py::Expr) -> bool {
    match &e.kind {
        E::Literal(_) => true,
        E::UnaryOp(UnaryOp::Neg, x) => matches!(x.kind, E::Literal(Literal::Float(_))),
        E::List(items) | E::Tuple(items) => items.iter().all(inert),
        _ => false,
    }
}

/// Whether Python's `int(text)` reads `text` in base 10; `None` where
/// the answer takes more than ASCII digits, signs, `_` and spaces.
fn reads_as_int(text: &str) -> Option<bool> {
    if !text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return None;
    }
    let t = text.trim_matches(' ');
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let mut groups = t.split('_');
    Some(groups.all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit())))
}

/// A `raise` of `class` with `message`.
fn raise(class: &str, message: String) -> StmtKind {
    StmtKind::Raise {
        class: class.into(),
        message: Some(Expr::lit(Value::Str(message.into()))),
    }
}

impl Planner<'_> {
    /// `return op` or `op` as a statement, of an operation on literals
    /// that Python always refuses (see the module's table): the exception
    /// it raises. `None` for another statement.
    pub(super) fn failing_literal_op(&self, s: &py::Stmt) -> Option<StmtKind> {
        let (P::Return(Some(e)) | P::Expr(e)) = &s.kind else {
            return None;
        };
        match &e.kind {
            E::Call(f, args) => {
                if let E::Attr(on, name) = &f.kind {
                    return missing_attr(on, name);
                }
                let E::Name(py::Name::Global(n)) = &f.kind else {
                    return None;
                };
                let [py::Arg::Positional(x)] = args.as_slice() else {
                    return None;
                };
                let E::Literal(Literal::Str(text)) = &x.kind else {
                    return None;
                };
                if &**n != "int" || self.defs.contains_key("int") || reads_as_int(text)? {
                    return None;
                }
                let text = python_str_repr(text);
                Some(raise(
                    "ValueError",
                    format!("invalid literal for int() with base 10: {text}"),
                ))
            }
            E::Attr(on, name) => missing_attr(on, name),
            E::Subscript(on, index) => missing_item(on, index),
            _ => None,
        }
    }
}

/// `on.name` of a number literal whose type has no such attribute: its
/// `AttributeError`.
fn missing_attr(on: &py::Expr, name: &str) -> Option<StmtKind> {
    let (class, attrs) = match on.kind {
        E::Literal(Literal::Int(_)) => ("int", INT_ATTRS),
        E::Literal(Literal::Bool(_)) => ("bool", INT_ATTRS),
        E::Literal(Literal::Float(_)) => ("float", FLOAT_ATTRS),
        _ => return None,
    };
    if name.starts_with('_') || attrs.contains(&name) {
        return None;
    }
    Some(raise(
        "AttributeError",
        format!("'{class}' object has no attribute '{name}'"),
    ))
}

/// `on[index]` of a literal dict that lacks the key, or of a literal
/// list, tuple or string the index is past: its `KeyError` or
/// `IndexError`.
fn missing_item(on: &py::Expr, index: &py::Expr) -> Option<StmtKind> {
    match &on.kind {
        E::Dict(entries) => {
            let key = Key::of(index)?;
            let mut keys = Vec::new();
            for (k, v) in entries {
                keys.push(Key::of(k.as_ref()?)?);
                if !inert(v) {
                    return None;
                }
            }
            if keys.contains(&key) {
                return None;
            }
            // `Error::KeyError` holds the key's repr, which the `raise`
            // writes of the key.
            Some(StmtKind::Raise {
                class: "KeyError".into(),
                message: Some(key.expr()),
            })
        }
        E::List(_) | E::Tuple(_) | E::Literal(Literal::Str(_)) => {
            let (len, what) = match &on.kind {
                E::List(items) if items.iter().all(inert) => (items.len(), "list"),
                E::Tuple(items) if items.iter().all(inert) => (items.len(), "tuple"),
                E::Literal(Literal::Str(s)) => (s.chars().count(), "string"),
                _ => return None,
            };
            let Key::Int(i) = Key::of(index)? else {
                return None;
            };
            let len = i64::try_from(len).ok()?;
            if (-len..len).contains(&i) {
                return None;
            }
            Some(raise("IndexError", format!("{what} index out of range")))
        }
        _ => None,
    }
}
