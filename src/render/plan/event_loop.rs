//! An event loop that a plain function makes and runs itself:
//! `loop = asyncio.new_event_loop()` (or `asyncio.get_event_loop()` outside
//! a running loop), `loop.run_until_complete(awaitable)` and
//! `loop.close()`. The Rust listing builds a current-thread runtime and
//! runs each awaitable with `block_on`, so several runs share one runtime,
//! its clock and its tasks, as they share asyncio's loop.
//!
//! `loop.run_forever()` runs the runtime until `loop.stop()`, called from
//! a callback, notifies it. A plain function given the loop as an argument
//! (a callback that calls `loop.stop()` or schedules more callbacks) takes
//! no such parameter in Rust: Tokio finds the runtime from the context of
//! the task that runs the callback.

use super::scope::Scope;
use super::stmt::{Step, local_name, method_call, one};
use super::{Def, Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module};
use crate::render::plan::ir::ast::{Call, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

/// The methods that only an event loop has, among those the listing
/// translates: a parameter that calls one is a loop.
const LOOP_ONLY: [&str; 4] = [".stop()", ".call_soon(", ".call_later(", ".call_at("];

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

    /// A statement on a loop the function made or was given:
    /// `loop.close()`, which needs no statement (dropping the runtime at the
    /// end of its scope closes it), or one that [`Self::run_on_loop`] plans.
    pub(super) fn loop_stmt(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        e: &py::Expr,
    ) -> Result<Option<Step>> {
        if let Some(obj) = method_call(e, "close")
            && self.runtime_of(sc, obj).is_some()
        {
            return Ok(Some((None, 1)));
        }
        match self.run_on_loop(sc, s, e, None)? {
            Some(k) => one(s, k).map(Some),
            None => Ok(None),
        }
    }

    /// `[into =] loop.run_until_complete(awaitable)` on a runtime the
    /// function made: the statement `[into =] await awaitable`, run to its
    /// end by the runtime; `loop.run_forever()` and `loop.stop()`.
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
            ("stop", []) if into.is_none() => Ok(Some(StmtKind::StopLoop)),
            ("run_forever", []) if into.is_none() => Ok(Some(StmtKind::RunForever { runtime })),
            ("create_task", [Arg::Positional(c)]) if into.is_none() => {
                self.loop_task(sc, c, runtime)
            }
            ("run_until_complete", [Arg::Positional(awaitable)])
                if !sc.runners.contains(&runtime) =>
            {
                self.block_on_stmt(sc, s, awaitable, runtime, into)
            }
            ("run", [Arg::Positional(awaitable)]) if sc.runners.contains(&runtime) => {
                self.block_on_stmt(sc, s, awaitable, runtime, into)
            }
            _ => Ok(None),
        }
    }

    /// `[into =] runtime.run_until_complete(awaitable)`: the statement
    /// `[into =] await awaitable` in a block the runtime runs.
    fn block_on_stmt(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        awaitable: &py::Expr,
        runtime: String,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        if let E::Call(g, _) = &awaitable.kind
            && self.is_member(g, Module::Asyncio, "gather")
            && self.not_current(&runtime)
        {
            return refuse(
                &awaitable.span,
                "`asyncio.gather(...)` made outside the loop it runs on",
                "out of a running loop, `gather` belongs to the current event loop, \
                         and `new_event_loop()` made another one (CPython raises \
                         ValueError): gather inside a coroutine, or use `get_event_loop()`",
            );
        }
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

    /// The parameters of the plain function `def` that are an event loop:
    /// the program calls a method only a loop has on them.
    fn loop_params(&self, def: &Def<'_>) -> Vec<usize> {
        if def.kind != Some(FunctionKind::Blocking) {
            return Vec::new();
        }
        let source = &self.program.source;
        let word = |c: char| c.is_alphanumeric() || c == '_';
        def.names
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let threadsafe = format!(", {})", p.name);
                source
                    .lines()
                    .any(|l| l.contains("run_coroutine_threadsafe(") && l.contains(&threadsafe))
                    || LOOP_ONLY.iter().any(|m| {
                        let call = format!("{}{m}", p.name);
                        source
                            .match_indices(&call)
                            .any(|(i, _)| !source[..i].ends_with(word))
                    })
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The parameters of `name` without its loops, which go to the scope's
    /// loops instead.
    pub(super) fn loops_as_context(
        &self,
        name: &str,
        params: Vec<String>,
        sc: &mut Scope,
    ) -> Vec<String> {
        let Some(def) = self.defs.get(name) else {
            return params;
        };
        let loops = self.loop_params(def);
        let mut kept = Vec::new();
        for (i, p) in params.into_iter().enumerate() {
            if loops.contains(&i) {
                sc.loop_owner = Some(name.to_string());
                sc.loops.push(p);
            } else {
                kept.push(p);
            }
        }
        kept
    }

    /// `call` without the loops it hands to `def`'s loop parameters; each
    /// must be a loop of the caller.
    pub(super) fn loop_args(&self, sc: &Scope, def: &Def<'_>, mut call: Call) -> Result<Call> {
        let loops = self.loop_params(def);
        if loops.is_empty() {
            return Ok(call);
        }
        let mut i = 0;
        let mut wrong = None;
        call.args.retain(|a| {
            let dropped = loops.contains(&i);
            i += 1;
            if dropped && !matches!(&a.kind, ExprKind::Var(v) if sc.loops.contains(v)) {
                wrong = Some(a.span.clone());
            }
            !dropped
        });
        match wrong {
            Some(span) => refuse(
                &span,
                "this argument",
                "the Rust listing passes no event loop to a callback (Tokio finds the \
                 runtime from the task's context): hand it the loop the caller runs",
            ),
            None => Ok(call),
        }
    }

    /// Whether `runtime` was made by `asyncio.new_event_loop()` and never
    /// made the current loop (`asyncio.set_event_loop`).
    fn not_current(&self, runtime: &str) -> bool {
        let source = &self.program.source;
        source.contains(&format!("{runtime} = asyncio.new_event_loop()"))
            && !source.contains("set_event_loop(")
    }
}
