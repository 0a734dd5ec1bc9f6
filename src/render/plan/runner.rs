//! `with asyncio.Runner() as runner:` in a plain function (the module's
//! code too): a runtime the block runs coroutines on with
//! `runner.run(coro)`, as `loop.run_until_complete` does on a loop the
//! function made; and either run inside an expression
//! (`print(runner.run(f(1)))`), whose value a statement before it holds.

use super::scope::Scope;
use super::stmt::{Step, local_name, one};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, WithItem};
use crate::render::plan::ir::ast::{FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

const RUNNER: &str = "the Rust listing translates `with asyncio.Runner() as runner:` (no \
                      arguments) in a plain function: a runtime its block runs coroutines on";

impl Planner<'_> {
    /// `with asyncio.Runner() as runner: body`; `None` when the `with` is
    /// not on a runner.
    pub(super) fn runner_with(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        item: &WithItem,
        body: &[py::Stmt],
    ) -> Result<Option<Step>> {
        let E::Call(f, args) = &item.context.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "Runner") {
            return Ok(None);
        }
        if !args.is_empty() || sc.kind != FunctionKind::Blocking {
            return refuse(&item.context.span, "this `asyncio.Runner`", RUNNER);
        }
        let Some(target) = &item.target else {
            return refuse(
                &item.context.span,
                "an `asyncio.Runner()` without `as`",
                RUNNER,
            );
        };
        let name = self.loop_var(sc, target, &s.span)?;
        // The runner runs coroutines only inside its block: it is closed after.
        sc.loops.push(name.clone());
        sc.runners.push(name.clone());
        let body = self.block(sc, body);
        sc.runners.pop();
        sc.loops.pop();
        one(s, StmtKind::Runner { name, body: body? }).map(Some)
    }

    /// `runtime.run_until_complete(coro)`, or `runner.run(coro)` of a
    /// runner, inside an expression: a statement before the expression
    /// runs it into a variable the expression reads; `None` for other
    /// expressions.
    pub(super) fn block_on_value(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(runtime) = local_name(obj).filter(|l| sc.loops.iter().any(|x| x == l)) else {
            return Ok(None);
        };
        let runs = match &**m {
            "run_until_complete" => !sc.runners.iter().any(|r| r == runtime),
            "run" => sc.runners.iter().any(|r| r == runtime),
            _ => false,
        };
        if !runs || sc.kind != FunctionKind::Blocking {
            return Ok(None);
        }
        let [Arg::Positional(coro)] = args.as_slice() else {
            return Ok(None);
        };
        let E::Call(g, g_args) = &coro.kind else {
            return refuse(
                &coro.span,
                format!("`{m}` of this"),
                "inside an expression, the Rust listing runs a call of a coroutine of the \
                 program: `runner.run(f(...))`",
            );
        };
        let mut inner = sc.clone();
        inner.kind = FunctionKind::Coroutine;
        let Some(call) = self.coroutine_call(&inner, coro, g, g_args)? else {
            return refuse(
                &coro.span,
                format!("`{m}` of this"),
                "inside an expression, the Rust listing runs a call of a coroutine of the \
                 program: `runner.run(f(...))`",
            );
        };
        let into = self.run_result_name(&call.name, e.span.start);
        let body = vec![Stmt {
            id: self.current.get(),
            span: e.span.clone(),
            kind: StmtKind::Await {
                call,
                into: Some(into.clone()),
            },
        }];
        self.lifted.borrow_mut().push(StmtKind::BlockOn {
            runtime: runtime.to_string(),
            body,
            into: Some(into.clone()),
        });
        Ok(Some(ExprKind::Var(into)))
    }

    /// The variable holding the value of a run of `coro` inside an
    /// expression: `coro_result`, numbered from the second such run in the
    /// program's text, each a variable of its own.
    fn run_result_name(&self, coro: &str, at: usize) -> String {
        let before = &self.program.source[..at];
        let runs = [".run_until_complete(", ".run("]
            .iter()
            .map(|m| before.matches(&format!("{m}{coro}(")).count())
            .sum::<usize>();
        match runs {
            0 => format!("{coro}_result"),
            n => format!("{coro}_result{}", n + 1),
        }
    }
}
