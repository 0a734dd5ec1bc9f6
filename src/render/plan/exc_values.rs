//! A built-in exception made as a value, `KeyError("k")`, kept in a
//! variable or a list or passed to a function, and raised by `raise exc`
//! of the variable that holds it: the value is the listing's `Error`
//! variant, and the `raise` returns it as the `Err` (see
//! `rust::exc_values`, which refuses its other uses).

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, ExprKind as E};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::ExprKind;

/// Built-in exception classes made as values besides those the program
/// may raise by name (see `stmt::EXCEPTIONS`).
const MADE_ONLY: [&str; 3] = ["AttributeError", "BaseException", "TimeoutError"];

impl Planner<'_> {
    /// `Class(message)` or `Class()` of a built-in exception class, as a
    /// value; `None` for another expression.
    pub(super) fn exception_value(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let made = match self.builtin_exception(e) {
            Some(made) => made,
            None => match (&f.kind, args.as_slice()) {
                (E::Name(py::Name::Global(n)), [] | [py::Arg::Positional(_)])
                    if MADE_ONLY.contains(&&**n) && !self.defs.contains_key(&**n) =>
                {
                    let arg = match args.as_slice() {
                        [py::Arg::Positional(a)] => Some(a),
                        _ => None,
                    };
                    (n.to_string(), arg)
                }
                _ => return Ok(None),
            },
        };
        let (class, arg) = made;
        let message = arg.map(|a| self.expr(sc, a)).transpose()?;
        Ok(Some(ExprKind::Exception(class, message.map(Box::new))))
    }

    /// `raise exc` of a local variable: the exception it holds, raised;
    /// or `raise ExceptionGroup(...)` of a group made there.
    pub(super) fn raise_value(&self, sc: &mut Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        if let Some(group) = self.made_group(sc, e)? {
            let group = crate::render::plan::ir::expr::Expr {
                kind: group,
                span: e.span.clone(),
            };
            return Ok(Some(StmtKind::RaiseValue(group)));
        }
        if super::stmt::local_name(e).is_none() {
            return Ok(None);
        }
        Ok(Some(StmtKind::RaiseValue(self.expr(sc, e)?)))
    }
}
