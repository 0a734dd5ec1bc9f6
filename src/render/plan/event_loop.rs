//! An event loop that a plain function makes and runs itself:
//! `loop = asyncio.new_event_loop()` (or `asyncio.get_event_loop()` outside
//! a running loop), `loop.run_until_complete(awaitable)` and
//! `loop.close()`. The Rust listing builds a current-thread runtime and
//! runs each awaitable with `block_on`, so several runs share one runtime,
//! its clock and its tasks, as they share asyncio's loop.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Module};
use crate::render::plan::ir::ast::{FunctionKind, Stmt, StmtKind};

impl Planner<'_> {
    /// `var = asyncio.new_event_loop()` or `asyncio.get_event_loop()` in a
    /// plain function: the runtime `var`.
    pub(super) fn new_loop(&self, sc: &mut Scope, var: &str, e: &py::Expr) -> Option<StmtKind> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        let made = ["new_event_loop", "get_event_loop"]
            .iter()
            .any(|m| self.is_member(f, Module::Asyncio, m));
        if !made || !args.is_empty() || sc.kind != FunctionKind::Blocking {
            return None;
        }
        sc.loops.push(var.to_string());
        Some(StmtKind::Runtime {
            name: var.to_string(),
        })
    }

    /// The runtime that `obj` names, when the function made it.
    fn runtime_of(&self, sc: &Scope, obj: &py::Expr) -> Option<String> {
        let name = local_name(obj)?;
        (sc.kind == FunctionKind::Blocking && sc.loops.iter().any(|l| l == name))
            .then(|| name.to_string())
    }

    /// `[into =] loop.run_until_complete(awaitable)` on a runtime the
    /// function made: the statement `[into =] await awaitable`, run to its
    /// end by the runtime. `loop.close()` as a statement, too.
    pub(super) fn run_on_loop(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        e: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(runtime) = self.runtime_of(sc, obj) else {
            return Ok(None);
        };
        match (&**m, args.as_slice()) {
            ("close", []) if into.is_none() => Ok(Some(StmtKind::CloseRuntime { name: runtime })),
            ("run_until_complete", [Arg::Positional(awaitable)]) => {
                // The awaitable runs as the body of an `async` block.
                sc.kind = FunctionKind::Coroutine;
                let inner = self.awaited(sc, awaitable, into.clone());
                sc.kind = FunctionKind::Blocking;
                let body = vec![Stmt {
                    id: s.id,
                    span: s.span.clone(),
                    kind: inner?,
                }];
                Ok(Some(StmtKind::BlockOn {
                    runtime,
                    body,
                    into,
                }))
            }
            _ => Ok(None),
        }
    }
}
