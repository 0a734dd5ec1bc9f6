//! A future of `asyncio.run_coroutine_threadsafe` that a job reads with a
//! timeout and reads again (`future.result(timeout=...)` then
//! `future.result()`): a `concurrent.futures.Future` gives its result to
//! every read, where a `JoinHandle` gives its task's output once, to the
//! read that takes it, and a timed read that ends in time takes it. So the
//! handle is made `Shared` (its output, cloned to each read), each read
//! awaits a clone, and `future.done()` polls a clone once. So is a future
//! whose exception is read after another read (`repr(future.exception())`).

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::{each_block_expr, each_expr};
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use crate::render::plan::ir::raises::failing_tasks;
use std::collections::HashSet;

/// Whether `f` keeps `var` as a shared handle: one task spawned into it,
/// read with a timeout that lets the task go on, and read more than once.
pub(super) fn shared_handle(f: &Function, var: &str) -> bool {
    shared_in(&f.body, var)
}

/// Whether `body` (a function's) keeps `var` as a shared handle.
pub(super) fn shared_in(body: &Block, var: &str) -> bool {
    let (mut spawns, mut timed, mut reads, mut exceptions) = (0, 0, 0, 0);
    walk(body, &mut |s| {
        match &s.kind {
            StmtKind::Spawn { into, .. } if into == var => spawns += 1,
            StmtKind::TimedWait {
                task, abort: false, ..
            } if matches!(&task.kind, ExprKind::Var(v) if v == var) => timed += 1,
            StmtKind::Join { target, .. } if target == var => reads += 1,
            _ => {}
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Join(v) if v == var => reads += 1,
                ExprKind::Task(TaskOp::ExceptionRepr, v) if v == var => exceptions += 1,
                _ => {}
            });
        }
    });
    // A task another task waits for is shared with the waiter.
    let waited = spawns > 0 && super::task_waiter::waited_for(body, var);
    waited || (spawns == 1 && timed + exceptions > 0 && timed + reads + exceptions > 1)
}

/// Whether a function of `demo` writes the `repr` of the exception of a
/// future whose task can fail (of `fallible`).
pub(super) fn exception_reprs(demo: &Demo, fallible: &HashSet<String>) -> bool {
    let mut found = false;
    for f in &demo.functions {
        let failing = failing_tasks(f, fallible);
        each_block_expr(&f.body, &mut |x| {
            found |= matches!(&x.kind, ExprKind::Task(TaskOp::ExceptionRepr, t)
                if failing.contains_key(t));
        });
    }
    found
}

impl Renderer<'_> {
    /// Whether the current function keeps `var` as a shared handle.
    pub(super) fn shares(&self, var: &str) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| shared_handle(f, var))
            || self.shared_item(var)
    }

    /// `tokio::spawn(call)` of a shared handle: its output unwrapped (a
    /// panic of the task goes on in each read) and shared.
    pub(super) fn shared_spawn(&mut self, into: &str, call: &str) {
        self.use_("futures", "FutureExt");
        let waited = self
            .demo
            .function(&self.func)
            .is_some_and(|f| super::task_waiter::waited_for(&f.body, into));
        if waited {
            self.line(
                "// Read more than once, where a `JoinHandle` gives its output once: shared.",
            );
        } else {
            self.line("// A concurrent future gives its result to each read: the handle, shared.");
        }
        let bind = self.bind(into);
        let chain = format!("tokio::spawn({call}).map(Result::unwrap).shared()");
        // rustfmt keeps a chain of up to 60 columns on one line.
        if chain.len() <= 60 {
            return self.line(format!("{bind}{chain};"));
        }
        self.wrapped_call(&format!("{bind}tokio::spawn("), call, ")");
        self.line("    .map(Result::unwrap)");
        self.line("    .shared();");
    }

    /// A read of a shared handle: a clone of it, awaited (its `Result`
    /// passed on with `?` where the task can fail).
    pub(super) fn shared_read(&self, var: &str, failing: bool) -> Code {
        let q = if failing { "?" } else { "" };
        let mut c = Code::new(
            format!("{}.clone().await{q}", ident(var)),
            self.var_ty(var).inner(),
            10,
        );
        c.fresh = true;
        c
    }

    /// `repr(future.exception())`: the handle (a clone, if shared) awaited,
    /// and the `repr` of its `Err`, or `None`.
    pub(super) fn exception_repr(&mut self, var: &str) -> Code {
        let failing = self
            .demo
            .function(&self.func)
            .is_some_and(|f| failing_tasks(f, &self.fallible).contains_key(var));
        let v = ident(var);
        let none = "\"None\".to_string()";
        // A task that cannot fail gives `None` once it ends.
        let text = match (self.shares(var), failing) {
            (true, true) => {
                format!("{v}.clone().await.err().map_or_else(|| {none}, |e| e.to_repr())")
            }
            (true, false) => format!("{v}.clone().map(|_| {none}).await"),
            (false, true) => format!(
                "{}.await.unwrap().err().map_or_else(|| {none}, |e| e.to_repr())",
                self.awaited_handle(var)
            ),
            (false, false) => format!(
                "{}.await.map(|_| {none}).unwrap()",
                self.awaited_handle(var)
            ),
        };
        let mut c = Code::new(text, Ty::Str, 10);
        c.fresh = true;
        c
    }

    /// `future.done()` of a shared handle: a clone polled once.
    pub(super) fn shared_done(&mut self, var: &str) -> Code {
        self.use_("futures", "FutureExt");
        Code::new(
            format!("{}.clone().now_or_never().is_some()", ident(var)),
            Ty::Bool,
            10,
        )
    }
}
