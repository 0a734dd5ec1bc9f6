//! The exceptions of an exception group: `eg.exceptions` of the group a
//! handler caught is the slice its `Error` variant holds, borrowed, and
//! `part.exceptions` of a variable bound to one of them (a nested group)
//! is that variable's own slice. An item taken from them (`eg.exceptions[0]`,
//! `for e in eg.exceptions`) is a reference to it (see `rust::group_parts`).

use super::scope::Scope;
use super::try_stmt::Caught;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E};
use crate::render::plan::ir::ast::{message_var, parts_var};
use crate::render::plan::ir::expr::ExprKind;
use std::ops::Range;

impl Planner<'_> {
    /// `part.exceptions` of a local variable: the exceptions of the group
    /// it holds (the Rust listing refuses it of a variable that holds no
    /// exception).
    pub(super) fn group_parts(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Attr(obj, attr) = &e.kind else {
            return Ok(None);
        };
        if &**attr != "exceptions" || super::stmt::local_name(obj).is_none() {
            return Ok(None);
        }
        Ok(Some(ExprKind::GroupParts(Box::new(self.expr(sc, obj)?))))
    }

    /// `eg.exceptions` or `eg.message` of the group caught as `name`: the
    /// variable the handler binds to its exceptions or its message.
    pub(super) fn caught_parts(
        &self,
        c: &Caught,
        name: &str,
        attr: &str,
        span: &Range<usize>,
    ) -> Result<ExprKind> {
        if c.reraised {
            return refuse(
                span,
                format!("the attribute `{attr}` of a group raised again"),
                "the Rust listing's handler borrows the caught group to read it, and a bare \
                 `raise` would move it",
            );
        }
        Ok(ExprKind::Var(match attr {
            "message" => message_var(name),
            _ => parts_var(name),
        }))
    }
}
