//! An exception of a built-in class made in place with literal
//! arguments, as `KeyError("k")`, whose only use is a question Python
//! answers before the program runs: `isinstance(KeyError("k"),
//! LookupError)` (its class hierarchy decides: the listing writes `true`
//! or `false`), `str(KeyError("k"))` and `repr(KeyError("k"))` (the text
//! Python gives: `'k'`, `KeyError('k')`).

use super::Planner;
use crate::program::Literal;
use crate::program::{self as py, Arg, ExprKind as E, Module, Name};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;

/// Python's built-in exception classes and the base of each (the one
/// base: `ExceptionGroup`, of two, is not here).
const BASES: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("CancelledError", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("EOFError", "Exception"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("ConnectionError", "OSError"),
    ("ConnectionResetError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("BrokenPipeError", "ConnectionError"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
];

/// The base of a built-in exception class, `None` for `BaseException`
/// (and for a class not in [`BASES`]).
fn base(class: &str) -> Option<&'static str> {
    BASES.iter().find(|(c, _)| *c == class).map(|(_, b)| *b)
}

/// Whether `class` is `of` or derives from it.
fn derives(class: &str, of: &str) -> bool {
    class == of || base(class).is_some_and(|b| derives(b, of))
}

impl Planner<'_> {
    /// `isinstance(Class(literals...), classes)` of built-in exception
    /// classes as the `true` or `false` Python's hierarchy gives; `None`
    /// for another call.
    pub(super) fn exception_isinstance(&self, f: &py::Expr, args: &[Arg]) -> Option<ExprKind> {
        let E::Name(Name::Global(n)) = &f.kind else {
            return None;
        };
        let [Arg::Positional(x), Arg::Positional(cls)] = args else {
            return None;
        };
        if &**n != "isinstance" || self.defs.contains_key("isinstance") {
            return None;
        }
        let E::Call(made, made_args) = &x.kind else {
            return None;
        };
        let literal = |a: &Arg| matches!(a, Arg::Positional(e) if matches!(e.kind, E::Literal(_)));
        if !made_args.iter().all(literal) {
            return None;
        }
        let class = self.builtin_exception_class(made)?;
        let of: Vec<&str> = match &cls.kind {
            E::Tuple(items) if !items.is_empty() => items
                .iter()
                .map(|c| self.builtin_exception_class(c))
                .collect::<Option<_>>()?,
            _ => vec![self.builtin_exception_class(cls)?],
        };
        let yes = of.iter().any(|o| derives(class, o));
        Some(ExprKind::Lit(Value::Bool(yes)))
    }

    /// The built-in exception class `e` names (the program does not
    /// define one of that name): `KeyError`, `asyncio.CancelledError`
    /// (`asyncio.TimeoutError` is `TimeoutError`).
    fn builtin_exception_class(&self, e: &py::Expr) -> Option<&'static str> {
        if let E::Name(Name::Global(n)) = &e.kind {
            if self.defs.contains_key(&**n) || &**n == "CancelledError" {
                return None;
            }
            if &**n == "BaseException" {
                return Some("BaseException");
            }
            return BASES.iter().find(|(c, _)| *c == &**n).map(|(c, _)| *c);
        }
        if self.is_member(e, Module::Asyncio, "CancelledError") {
            return Some("CancelledError");
        }
        if self.is_member(e, Module::Asyncio, "TimeoutError") {
            return Some("TimeoutError");
        }
        None
    }

    /// `str(Class(literals...))` or `repr(...)` of a built-in exception
    /// class as the text Python gives; `None` for another call.
    pub(super) fn exception_text(&self, f: &py::Expr, args: &[Arg]) -> Option<ExprKind> {
        let E::Name(Name::Global(n)) = &f.kind else {
            return None;
        };
        let [Arg::Positional(x)] = args else {
            return None;
        };
        let repr = match &**n {
            "str" => false,
            "repr" => true,
            _ => return None,
        };
        if self.defs.contains_key(&**n) {
            return None;
        }
        let E::Call(made, made_args) = &x.kind else {
            return None;
        };
        let class = self.builtin_exception_class(made)?;
        let values: Vec<Value> = made_args
            .iter()
            .map(|a| match a {
                Arg::Positional(e) => value(e),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let reprs: Vec<String> = values.iter().map(Value::repr).collect();
        let text = match (repr, values.as_slice()) {
            (true, _) => format!("{class}({})", reprs.join(", ")),
            (false, []) => String::new(),
            (false, [one]) if class == "KeyError" => one.repr(),
            (false, [one]) => one.to_string(),
            (false, _) => format!("({})", reprs.join(", ")),
        };
        Some(ExprKind::Lit(Value::Str(text.into())))
    }
}

/// The value of a literal that Python's `str` and `repr` write as
/// [`Value`] does.
fn value(e: &py::Expr) -> Option<Value> {
    Some(match &e.kind {
        E::Literal(Literal::None) => Value::None,
        E::Literal(Literal::Bool(b)) => Value::Bool(*b),
        E::Literal(Literal::Int(n)) => Value::Int(*n),
        E::Literal(Literal::Float(x)) => Value::Float(*x),
        E::Literal(Literal::Str(s)) => Value::Str(s.clone()),
        _ => return None,
    })
}
