//! The special methods of a plain class that have a Rust counterpart:
//! `__eq__` (`def __eq__(self, other): return ...`) is the struct's
//! `PartialEq`, so `==`, `!=` and `in` use it, and `__abs__` is its method
//! `abs`, which `abs(x)` calls as it calls a number's.

use super::{Result, refuse};
use crate::program::{Code, Stmt, StmtKind as P};

/// The name the listing gives the special method `m` of a plain class,
/// or `None` when it has no counterpart.
pub(super) fn rust_name(m: &str) -> Option<&'static str> {
    match m {
        "__eq__" => Some("__eq__"),
        "__abs__" => Some("abs"),
        _ => None,
    }
}

/// Checks the special method `m` (`code`, defined by `def`) of the class
/// `class`, whose methods are `names`: one `return`, and the parameters
/// Python passes it.
pub(super) fn check(m: &str, code: &Code, def: &Stmt, names: &[&str], data: bool) -> Result<()> {
    let body: Vec<&Stmt> = code.body.iter().filter(|s| !is_docstring(s)).collect();
    let returns = matches!(
        body.as_slice(),
        [Stmt {
            kind: P::Return(Some(_)),
            ..
        }]
    );
    let arity = if m == "__eq__" { 2 } else { 1 };
    if code.is_async || code.is_generator || code.params.positional.len() != arity || !returns {
        let args = if m == "__eq__" { "self, other" } else { "self" };
        return refuse(
            &def.span,
            format!("this `{m}`"),
            format!("the Rust listing knows `def {m}({args}): return value`"),
        );
    }
    if m == "__eq__" && data {
        return refuse(
            &def.span,
            "a dataclass's own `__eq__`",
            "the Rust listing's dataclass derives `PartialEq` from its fields",
        );
    }
    if m == "__abs__" && names.contains(&"abs") {
        return refuse(
            &def.span,
            "`__abs__` beside a method `abs`",
            "the Rust listing writes `__abs__` as the method `abs`, which the class already has",
        );
    }
    Ok(())
}

fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.kind, P::Expr(e) if matches!(&e.kind, crate::program::ExprKind::Literal(crate::program::Literal::Str(_))))
}
