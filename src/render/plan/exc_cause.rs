//! The cause of an exception: `raise ConfigError(text) from e` in the
//! handler of `e`, read as `e.__cause__` where the `ConfigError` is caught.
//! The class's `Error` variant then holds the exception it was raised from
//! beside its text (`ConfigError(String, Box<Error>)`), and the handler
//! binds it.

use super::exc_fields::{AttrReads, blocks};
use super::scope::Scope;
use super::try_stmt::Caught;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::block_mut;
use crate::program::{self as py, ExprKind as E, Name, StmtKind as P};
use crate::render::plan::ir::ast::{CAUGHT, cause_var};
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// The class a `raise` gives, when it names one.
fn raised_class(e: &py::Expr) -> Option<&str> {
    let class = match &e.kind {
        E::Call(f, _) => &f.kind,
        k => k,
    };
    match class {
        E::Name(Name::Global(n)) => Some(n),
        _ => None,
    }
}

impl Planner<'_> {
    /// Whether the `Error` variant of `class`, one of the program's, holds
    /// its cause: a handler reads `e.__cause__` of it, and each `raise` of
    /// it has `from`.
    pub(super) fn keeps_cause(&self, class: &str) -> bool {
        // A built-in class's `Err` is also made by Python's own failing
        // operations, with no cause; a class with fields holds its struct.
        if self.exception_base(class).is_none() || self.exception_struct(class).is_some() {
            return false;
        }
        let mut read = false;
        let mut every_from = true;
        let mut raised = false;
        for block in blocks(&self.program.module.body) {
            py::walk(block, &mut |s| match &s.kind {
                P::Raise {
                    exc: Some(e),
                    cause,
                } if raised_class(e) == Some(class) => {
                    raised = true;
                    every_from &= cause.is_some();
                }
                P::Try { handlers, .. } => {
                    for h in handlers {
                        let (Some(n), Some(c)) = (&h.name, &h.class) else {
                            continue;
                        };
                        if !self.takes_class(c, class) {
                            continue;
                        }
                        let mut reads = AttrReads {
                            name: n.ident(),
                            out: Vec::new(),
                        };
                        let mut body = h.body.clone();
                        block_mut(&mut body, &mut reads);
                        read |= reads.out.iter().any(|a| a == "__cause__");
                    }
                }
                _ => {}
            });
        }
        read && raised && every_from
    }

    /// Whether the `except` classes `c` take `class`.
    fn takes_class(&self, c: &py::Expr, class: &str) -> bool {
        let items: Vec<&py::Expr> = match &c.kind {
            E::Tuple(xs) => xs.iter().collect(),
            _ => vec![c],
        };
        items.into_iter().any(|x| {
            matches!(&x.kind, E::Name(Name::Global(n))
                if &**n == class || self.exception_subclasses(n).iter().any(|s| s == class))
        })
    }

    /// The text of `raise class(...) from cause`, with the cause where the
    /// class keeps it: the exception the innermost handler caught.
    pub(super) fn with_cause(
        &self,
        sc: &Scope,
        class: &str,
        message: Option<Expr>,
        cause: Option<&py::Expr>,
        span: &Range<usize>,
    ) -> Result<Option<Expr>> {
        if !self.keeps_cause(class) {
            return Ok(message);
        }
        // The innermost handler of a `try ... except` (not `except*`, nor the
        // timeout of `wait_for`), which binds the `Err` it takes.
        let handler = sc
            .caught
            .last()
            .filter(|k| k.text.is_none() && k.class.as_deref() != Some(GROUP));
        let from_caught = cause.is_some_and(|c| {
            matches!(&c.kind, E::Name(n @ (Name::Local(..) | Name::Cell(..)))
                if handler.and_then(|k| k.name.as_deref()) == Some(&**n.ident()))
        });
        if !from_caught {
            return refuse(
                span,
                format!("`raise {class}(...) from` this"),
                "the Rust listing keeps the cause of an exception whose `__cause__` the \
                 program reads: the exception its handler caught (`raise ... from e` in \
                 `except ... as e`)",
            );
        }
        let text = message.unwrap_or_else(|| Expr {
            kind: ExprKind::Lit(Value::Str("".into())),
            span: span.clone(),
        });
        let caught = Expr {
            kind: ExprKind::Var(CAUGHT.into()),
            span: span.clone(),
        };
        Ok(Some(Expr {
            kind: ExprKind::Tuple(vec![text, caught]),
            span: span.clone(),
        }))
    }

    /// `e.__cause__` of the exception caught as `e`, where `print` shows it.
    pub(super) fn caught_cause(
        &self,
        c: &Caught,
        name: &str,
        span: &Range<usize>,
    ) -> Result<ExprKind> {
        if !c.classes.iter().all(|k| self.keeps_cause(k)) || c.classes.is_empty() {
            return refuse(
                span,
                "the attribute `__cause__` of a caught exception",
                "the Rust listing keeps the cause of an exception that each `raise` of its \
                 class gives with `from e`, in the handler of `e`",
            );
        }
        if !c.args_shown.contains(span) {
            return refuse(
                span,
                "the attribute `__cause__` of a caught exception",
                "the Rust listing shows the cause of a caught exception as `print` writes \
                 it: as an argument of `print` or in an f-string",
            );
        }
        if c.reraised {
            return refuse(
                span,
                "the attribute `__cause__` of an exception raised again",
                "the Rust listing's handler borrows the caught `Err` to read its cause, and a \
                 bare `raise` would move it",
            );
        }
        Ok(ExprKind::Var(cause_var(name)))
    }

    /// `type(e.__cause__).__name__`: the class name of the cause.
    pub(super) fn caught_cause_class(&self, c: &Caught, name: &str) -> Option<ExprKind> {
        (!c.classes.is_empty() && !c.reraised && c.classes.iter().all(|k| self.keeps_cause(k)))
            .then(|| ExprKind::Var(crate::render::plan::ir::ast::class_var(&cause_var(name))))
    }
}
