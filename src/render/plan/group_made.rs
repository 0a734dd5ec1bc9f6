//! An exception group built by hand: `ExceptionGroup("message", [...])`
//! of a literal message and a list of built-in exceptions made in place
//! (each with a string literal, or a group of the same shape), raised
//! where it is made (`raise ExceptionGroup(...)`). The listing's
//! `Error::ExceptionGroup("message", vec![...])` holds them (see
//! `rust::group_made`). What Python refuses when it makes the group (a message
//! that is not a string, an empty list, an item that is no `Exception`)
//! and what the listing cannot write is refused at its place.

use super::scope::Scope;
use super::stmt::EXCEPTIONS;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name};
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// Built-in subclasses of `Exception` a group may hold besides those the
/// program may raise by name.
const MADE: [&str; 2] = ["AttributeError", "TimeoutError"];

const SHAPE: &str = "the Rust listing builds an exception group by hand as \
                     `ExceptionGroup(\"message\", [ValueError(\"text\"), ...])`: a string \
                     literal and a list of built-in exceptions, each made there with a \
                     string literal (or a group of the same shape)";

impl Planner<'_> {
    /// `ExceptionGroup(message, [...])` of the built-in class: the group as
    /// an exception value; `None` for another expression.
    pub(super) fn made_group(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        if !matches!(&f.kind, E::Name(Name::Global(n)) if &**n == GROUP)
            || self.defs.contains_key(GROUP)
        {
            return Ok(None);
        }
        let construct = || format!("the call `{}`", self.text(&e.span));
        let [Arg::Positional(message), Arg::Positional(items)] = args.as_slice() else {
            return refuse(&e.span, construct(), SHAPE);
        };
        let E::Literal(Literal::Str(text)) = &message.kind else {
            return refuse(&message.span, "the message of an exception group", SHAPE);
        };
        let E::List(items) = &items.kind else {
            return refuse(&items.span, "the exceptions of an exception group", SHAPE);
        };
        if items.is_empty() {
            return refuse(
                &e.span,
                "an exception group of no exceptions",
                "Python raises `ValueError` for a group made of an empty list: make it of \
                 the exceptions it holds",
            );
        }
        let mut made = Vec::new();
        for item in items {
            made.push(self.group_item(sc, item)?);
        }
        let parts = vec![
            Expr {
                kind: ExprKind::Lit(Value::Str(text.clone())),
                span: message.span.clone(),
            },
            Expr {
                kind: ExprKind::List(made),
                span: e.span.clone(),
            },
        ];
        let message = Expr {
            kind: ExprKind::Tuple(parts),
            span: e.span.clone(),
        };
        Ok(Some(ExprKind::Exception(
            GROUP.to_string(),
            Some(Box::new(message)),
        )))
    }

    /// One exception of a group made by hand: a built-in exception made
    /// with a string literal, or a group.
    fn group_item(&self, sc: &Scope, item: &py::Expr) -> Result<Expr> {
        if let Some(kind) = self.made_group(sc, item)? {
            return Ok(Expr {
                kind,
                span: item.span.clone(),
            });
        }
        // A built-in subclass of `Exception`, made with a string literal.
        let with_text = match &item.kind {
            E::Call(f, args) => {
                matches!(&f.kind, E::Name(Name::Global(n))
                    if (EXCEPTIONS.contains(&&**n) || MADE.contains(&&**n))
                        && !self.defs.contains_key(&**n))
                    && matches!(args.as_slice(), [Arg::Positional(a)]
                        if matches!(&a.kind, E::Literal(Literal::Str(s)) if !s.is_empty()))
            }
            _ => false,
        };
        if !with_text {
            return refuse(&item.span, "this exception of a group", SHAPE);
        }
        let Some(kind) = self.exception_value(sc, item)? else {
            return refuse(&item.span, "this exception of a group", SHAPE);
        };
        Ok(Expr {
            kind,
            span: item.span.clone(),
        })
    }
}
