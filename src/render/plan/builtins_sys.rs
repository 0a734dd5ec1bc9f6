//! `sys.exit(...)` in the module's code: `std::process::exit`, the
//! message of `sys.exit("...")` written to stderr first.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, Module};
use crate::render::plan::ir::expr::{Builtin, ExprKind};
use std::ops::Range;

impl Planner<'_> {
    /// `sys.exit()`, `sys.exit(status)` or `sys.exit(message)`; `None`
    /// when `f` is not `sys.exit`.
    pub(super) fn sys_exit(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<Option<ExprKind>> {
        if self.member(f) != Some((Module::Sys, "exit")) {
            return Ok(None);
        }
        // Python unwinds: `finally` blocks, the event loop's clean-up and
        // other tasks' cancellation run first. `std::process::exit` ends
        // the process at once, which is the same only in the module's own
        // code, outside `try`.
        if !sc.module || !sc.caught.is_empty() {
            return refuse(
                span,
                "`sys.exit(...)` here",
                "`sys.exit` raises `SystemExit`, which runs every `finally` and cancels the \
                 tasks on its way out; the Rust listing ends the process with \
                 `std::process::exit` only in the module's own code, outside `try`",
            );
        }
        let args = self.positional(sc, args, span)?;
        if args.len() > 1 {
            return refuse(
                span,
                "`sys.exit` called with several arguments",
                "Python's `sys.exit` takes one status or message",
            );
        }
        Ok(Some(ExprKind::Call(Builtin::Exit, args)))
    }
}
