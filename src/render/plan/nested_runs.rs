//! `asyncio.run(f(...))` inside an expression of a plain function (a
//! method, a nested function, one called through others): the Rust
//! listing's `run` helper, whose runtime of its own runs the coroutine to
//! its end and drops the tasks left, as `asyncio.run` runs a new event loop
//! and cancels them. A function that runs a loop and is called, however
//! indirectly, from a coroutine or an executor's job is refused: CPython
//! raises `RuntimeError` there (or runs a loop on the job's thread), where
//! a Tokio runtime started inside another panics.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{Call, FunctionKind};
use crate::render::plan::ir::expr::ExprKind;
use std::collections::HashSet;

impl Planner<'_> {
    /// `asyncio.run(f(...))` in a plain function, `f` a coroutine of the
    /// program: its call, awaited by the `run` helper; `None` for other
    /// calls.
    pub(super) fn nested_run(
        &self,
        sc: &Scope,
        e: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        if !self.is_member(f, Module::Asyncio, "run") || sc.kind != FunctionKind::Blocking {
            return Ok(None);
        }
        let [Arg::Positional(c)] = args else {
            return Ok(None);
        };
        let E::Call(g, g_args) = &c.kind else {
            return Ok(None);
        };
        let E::Name(Name::Global(n)) = &g.kind else {
            return Ok(None);
        };
        let Some(def) = self.defs.get(&**n).copied() else {
            return Ok(None);
        };
        if def.kind != Some(FunctionKind::Coroutine) {
            return Ok(None);
        }
        if let Some(caller) = self.loop_inside_loop() {
            return refuse(
                &e.span,
                format!("`asyncio.run(...)` reached from `{caller}`"),
                "CPython raises `RuntimeError` for `asyncio.run` inside a running event loop (or \
                 runs a new loop on an executor's thread), where a Tokio runtime started inside \
                 another panics: the Rust listing runs `asyncio.run` only where no coroutine \
                 or job calls it",
            );
        }
        let call = Call {
            name: n.to_string(),
            args: self.args_of(sc, n, def, g_args, &c.span)?,
            span: c.span.clone(),
        };
        for (i, arg) in call.args.iter().enumerate() {
            self.check_arg(&call, i, arg)?;
        }
        Ok(Some(ExprKind::Await(call)))
    }

    /// A coroutine or an executor's job that calls, however indirectly, a
    /// function that runs `asyncio.run(...)`; `None` when none does.
    fn loop_inside_loop(&self) -> Option<String> {
        let source = &self.program.source;
        let mut defs = Vec::new();
        collect_defs(&self.program.module.body, &mut defs);
        let text =
            |span: &py::Span| &source[span.start.min(source.len())..span.end.min(source.len())];
        let mut runners: HashSet<String> = defs
            .iter()
            .filter(|(_, _, span)| text(span).contains("asyncio.run("))
            .map(|(name, _, _)| name.clone())
            .collect();
        loop {
            let more: Vec<String> = defs
                .iter()
                .filter(|(name, _, span)| {
                    !runners.contains(name) && runners.iter().any(|r| calls(text(span), r))
                })
                .map(|(name, _, _)| name.clone())
                .collect();
            if more.is_empty() {
                break;
            }
            runners.extend(more);
        }
        defs.iter()
            .find(|(name, is_async, span)| {
                (*is_async && runners.iter().any(|r| calls(text(span), r)))
                    || (runners.contains(name) && self.handed_to_executor(name))
            })
            .map(|(name, _, _)| name.clone())
    }
}

/// Every `def` of `block` and of the functions and classes inside it:
/// name, whether it is `async`, and its span.
fn collect_defs(block: &[py::Stmt], out: &mut Vec<(String, bool, py::Span)>) {
    py::walk(block, &mut |s| match &s.kind {
        P::Def { code, name, .. } => {
            out.push((name.ident().to_string(), code.is_async, s.span.clone()));
            collect_defs(&code.body, out);
        }
        P::Class { code, .. } => collect_defs(&code.body, out),
        _ => {}
    });
}

/// Whether `text` calls `name` (`name(` or `.name(`, not as part of a
/// longer name).
fn calls(text: &str, name: &str) -> bool {
    let call = format!("{name}(");
    text.match_indices(&call).any(|(i, _)| {
        !text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            && !text[..i].trim_end().ends_with("def")
    })
}
