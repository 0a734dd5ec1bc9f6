//! `sys.exit(...)` in the module's code: `std::process::exit`, the
//! message of `sys.exit("...")` written to stderr first. Inside a `try`
//! that takes `SystemExit`, it raises: an `Err(Error::SystemExit(..))`.
//! In a coroutine, it stops the event loop (see `coroutine_exit`).

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{Builtin, ExprKind};
use crate::render::plan::ir::raises::takes;
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
        // In a coroutine, `sys_exit(status).await` stops the event loop
        // (see `coroutine_exit`).
        let in_coroutine = !sc.module
            && sc.kind == FunctionKind::Coroutine
            && super::coroutine_exit::status_literal(args);
        if !(sc.module || in_coroutine) || !sc.caught.is_empty() {
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

    /// Plans `body` of a `try` knowing whether one of its `handlers`
    /// takes `SystemExit` (so that `sys.exit` there raises).
    pub(super) fn exit_caught_in<T>(
        &self,
        sc: &mut Scope,
        handlers: &[py::Handler],
        body: impl FnOnce(&mut Scope) -> Result<T>,
    ) -> Result<T> {
        let here = handlers.iter().any(|h| match &h.class {
            None => true,
            Some(c) => {
                let items: Vec<&py::Expr> = match &c.kind {
                    E::Tuple(xs) => xs.iter().collect(),
                    _ => vec![c],
                };
                items.iter().any(|x| {
                    matches!(&x.kind, E::Name(Name::Global(n))
                        if !self.defs.contains_key(&**n) && takes(n, "SystemExit"))
                })
            }
        });
        let outer = sc.exit_taken;
        sc.exit_taken |= here;
        let out = body(sc);
        sc.exit_taken = outer;
        out
    }

    /// `sys.exit(arg)` as a statement inside a `try` that takes
    /// `SystemExit`: the `raise SystemExit(arg)` it is.
    pub(super) fn exit_raise(&self, sc: &Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        if !sc.exit_taken || self.member(f) != Some((Module::Sys, "exit")) {
            return Ok(None);
        }
        let message = match args.as_slice() {
            [] => None,
            [Arg::Positional(x)] => Some(self.expr(sc, x)?),
            _ => return Ok(None),
        };
        Ok(Some(StmtKind::Raise {
            class: "SystemExit".into(),
            message,
        }))
    }
}
