//! An exception made in place with literal arguments, as `KeyError("k")`
//! or `QuietError("a", 2)` of the program's own class (see
//! [`super::exc_own_made`]), whose only use is a question Python answers
//! before the program runs: `isinstance(KeyError("k"), LookupError)` (its
//! class hierarchy decides: the listing writes `true` or `false`),
//! `str(KeyError("k"))` and `repr(KeyError("k"))` (the text Python gives:
//! `'k'`, `KeyError('k')`) and `KeyError("k").args` (the tuple `('k',)`).

use super::{Planner, exc_own_made};
use crate::program::Literal;
use crate::program::{self as py, Arg, ExprKind as E, Module, Name};
use crate::render::plan::ir::expr::{Expr, ExprKind};
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

/// The built-in exception classes a program names without an import.
pub(super) const BUILTIN_CLASSES: &[&str] = &[
    "BaseException",
    "Exception",
    "SystemExit",
    "KeyboardInterrupt",
    "GeneratorExit",
    "ArithmeticError",
    "ZeroDivisionError",
    "OverflowError",
    "AssertionError",
    "AttributeError",
    "EOFError",
    "LookupError",
    "IndexError",
    "KeyError",
    "NameError",
    "UnboundLocalError",
    "OSError",
    "ConnectionError",
    "ConnectionResetError",
    "ConnectionRefusedError",
    "BrokenPipeError",
    "FileNotFoundError",
    "PermissionError",
    "TimeoutError",
    "RuntimeError",
    "NotImplementedError",
    "RecursionError",
    "StopIteration",
    "StopAsyncIteration",
    "TypeError",
    "ValueError",
    "UnicodeError",
];

/// The base of a built-in exception class, `None` for `BaseException`
/// (and for a class not in [`BASES`]).
fn base(class: &str) -> Option<&'static str> {
    BASES.iter().find(|(c, _)| *c == class).map(|(_, b)| *b)
}

/// The class of an exception made in place: its name, the names of the
/// classes it derives from (itself first, up to `BaseException`), and
/// whether Python's own `__init__`, `__str__` and `__repr__` make it.
struct Made<'p> {
    name: &'p str,
    ancestors: Vec<&'p str>,
    own_text: bool,
}

impl<'p> Planner<'p> {
    /// `isinstance(Class(literals...), classes)` of exception classes,
    /// built-in or the program's own, as the `true` or `false` their
    /// hierarchy gives; `None` for another call.
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
        let made = self.made_exception(x)?;
        let of: Vec<&str> = match &cls.kind {
            E::Tuple(items) if !items.is_empty() => items
                .iter()
                .map(|c| self.exception_class_named(c))
                .collect::<Option<_>>()?,
            _ => vec![self.exception_class_named(cls)?],
        };
        let yes = of.iter().any(|o| made.ancestors.contains(o));
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

    /// The exception class `e` names: a built-in one or the program's own.
    fn exception_class_named(&self, e: &py::Expr) -> Option<&'p str> {
        if let Some(b) = self.builtin_exception_class(e) {
            return Some(b);
        }
        let E::Name(Name::Global(n)) = &e.kind else {
            return None;
        };
        let own = self.own_exception(n)?;
        Some(own.chain[0])
    }

    /// The program's class `name` when it derives from a built-in
    /// exception class.
    fn own_exception(&self, name: &str) -> Option<exc_own_made::OwnClass<'p>> {
        let body = &self.program.module.body;
        let name = module_class_name(body, name)?;
        let builtins: Vec<&str> = BUILTIN_CLASSES
            .iter()
            .copied()
            .filter(|c| !self.defs.contains_key(*c))
            .collect();
        exc_own_made::own_class(body, name, &builtins)
    }

    /// `Class(literals...)` of an exception class whose making Python
    /// answers questions about before the program runs: a built-in class,
    /// or one of the program's whose `__init__`s only set fields.
    fn made_exception(&self, x: &py::Expr) -> Option<Made<'p>> {
        let E::Call(made, made_args) = &x.kind else {
            return None;
        };
        let literal = |a: &Arg| matches!(a, Arg::Positional(e) if matches!(e.kind, E::Literal(_)));
        if !made_args.iter().all(literal) {
            return None;
        }
        if let Some(class) = self.builtin_exception_class(made) {
            let mut ancestors = vec![class];
            while let Some(b) = base(ancestors[ancestors.len() - 1]) {
                ancestors.push(b);
            }
            return Some(Made {
                name: class,
                ancestors,
                own_text: true,
            });
        }
        let E::Name(Name::Global(n)) = &made.kind else {
            return None;
        };
        let own = self.own_exception(n)?;
        if !own.made_quietly(&self.program.module.body, made_args) {
            return None;
        }
        let mut ancestors = own.chain.clone();
        let mut class = own.builtin;
        ancestors.push(class);
        while let Some(b) = base(class) {
            ancestors.push(b);
            class = b;
        }
        Some(Made {
            name: own.chain[0],
            ancestors,
            own_text: own.plain,
        })
    }

    /// The literal arguments of `x`, an exception made in place whose text
    /// Python's own `BaseException` gives: its class and their values.
    fn made_with_text(&self, x: &py::Expr) -> Option<(Made<'p>, Vec<Value>)> {
        let made = self.made_exception(x)?;
        let E::Call(_, made_args) = &x.kind else {
            return None;
        };
        let values: Vec<Value> = made_args
            .iter()
            .map(|a| match a {
                Arg::Positional(e) => value(e),
                _ => None,
            })
            .collect::<Option<_>>()?;
        made.own_text.then_some((made, values))
    }

    /// `str(Class(literals...))` or `repr(...)` of an exception class as
    /// the text Python gives; `None` for another call.
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
        let (made, values) = self.made_with_text(x)?;
        let reprs: Vec<String> = values.iter().map(Value::repr).collect();
        let text = match (repr, values.as_slice()) {
            (true, _) => format!("{}({})", made.name, reprs.join(", ")),
            (false, []) => String::new(),
            (false, [one]) if made.ancestors.contains(&"KeyError") => one.repr(),
            (false, [one]) => one.to_string(),
            (false, _) => format!("({})", reprs.join(", ")),
        };
        Some(ExprKind::Lit(Value::Str(text.into())))
    }

    /// `Class(literals...).args` of an exception class: the tuple of its
    /// arguments; `None` for another expression.
    pub(super) fn exception_args(&self, e: &py::Expr) -> Option<ExprKind> {
        let E::Attr(x, attr) = &e.kind else {
            return None;
        };
        if &**attr != "args" {
            return None;
        }
        let (_, values) = self.made_with_text(x)?;
        let items = values
            .into_iter()
            .map(|v| Expr {
                kind: ExprKind::Lit(v),
                span: e.span.clone(),
            })
            .collect();
        Some(ExprKind::Tuple(items))
    }
}

/// The name of a class the module's top level defines, as the program
/// holds it.
fn module_class_name<'p>(body: &'p [py::Stmt], name: &str) -> Option<&'p str> {
    super::module_stmts(body)
        .into_iter()
        .find_map(|s| match &s.kind {
            py::StmtKind::Class { name: n, .. } if &**n.ident() == name => Some(&**n.ident()),
            _ => None,
        })
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
