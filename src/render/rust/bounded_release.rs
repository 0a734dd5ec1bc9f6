//! `sem.release()` of an `asyncio.BoundedSemaphore(n)`: Tokio's semaphore
//! has no bound, so the listing tests the free permits against `n` before
//! `add_permits(1)`. Past the bound Python raises `ValueError`: the `Err`
//! an `except` takes where one does, else an `assert!` that stops the
//! program as the uncaught exception does.

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// Python's message for a release past the bound.
const MESSAGE: &str = "BoundedSemaphore released too many times";

impl Renderer<'_> {
    /// The lines of `object.release()` of a semaphore bounded by `bound`.
    pub(super) fn bounded_release(
        &mut self,
        object: &str,
        bound: Option<&Expr>,
        span: &Range<usize>,
    ) {
        let o = ident(object);
        let n = match bound.map(|b| &b.kind) {
            Some(ExprKind::Lit(Value::Int(n))) => *n,
            _ => 1,
        };
        self.line(format!(
            "// A BoundedSemaphore takes back no more than its {n} permits."
        ));
        // Written as rustfmt breaks them: their arguments pass 60 columns.
        if self.checked.contains_key(span) {
            self.line(format!("if {o}.available_permits() >= {n} {{"));
            self.line("    return Err(Error::ValueError(");
            self.line(format!("        \"{MESSAGE}\".to_string(),"));
            self.line("    ));");
            self.line("}");
        } else {
            self.line("assert!(");
            self.line(format!("    {o}.available_permits() < {n},"));
            self.line(format!("    \"{MESSAGE}\""));
            self.line(");");
        }
        self.line(format!("{o}.add_permits(1);"));
    }
}
