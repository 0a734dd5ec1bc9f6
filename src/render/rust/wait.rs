//! `done, pending = await asyncio.wait(tasks, ...)`: the tasks in a
//! `JoinSet` (`pending`), `done` the outputs of those that ended, taken
//! with `join_next` (all of them, or the first and any that ended at the
//! same instant for `FIRST_COMPLETED`), under Tokio's `timeout` for
//! `timeout=`; what is still pending stays in the set. Also `fut.done()`
//! of a future made with `loop.create_future()`.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_expr;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Call, Calls};
use crate::render::plan::ir::expr::{Expr, ExprKind, TaskOp};

impl Renderer<'_> {
    /// The statements of an `asyncio.wait`.
    pub(super) fn wait(
        &mut self,
        calls: &Calls,
        first: bool,
        timeout: Option<&Expr>,
        done: &str,
        pending: &str,
    ) {
        self.use_("tokio::task", "JoinSet");
        let (d, p) = (ident(done), ident(pending));
        match calls {
            Calls::List(list) => {
                self.line(format!("let mut {p} = JoinSet::new();"));
                for c in list {
                    let code = self.call(c);
                    self.line(format!("{p}.spawn({code});"));
                }
            }
            Calls::Each { call, var, over } => {
                let (iter, pat) = self.iter_of(over, var);
                let c = self.call(call);
                let calls = [format!(".map(|{pat}| {c})"), ".collect()".to_string()];
                self.chain_line(&format!("let mut {p}: JoinSet<_> = "), &iter, &calls, ";");
            }
        }
        self.declared.insert(pending.to_string());
        self.declared.insert(done.to_string());
        self.line(format!("let mut {d} = Vec::new();"));
        let delay = timeout.map(|t| self.duration(t));
        if let Some(delay) = &delay {
            self.use_("tokio::time", "timeout");
            if first {
                self.line("// `timeout=`: nothing may have ended by then.");
                self.line(format!(
                    "if let Ok(Some(output)) = timeout({delay}, {p}.join_next()).await {{"
                ));
                self.line(format!("    {d}.push(output.unwrap());"));
                self.line("}");
            } else {
                self.line(format!(
                    "// `timeout=`: the tasks not ended by then stay in `{p}`."
                ));
                self.line(format!("let _ = timeout({delay}, async {{"));
                self.indent += 1;
                self.join_loop(&d, &p);
                self.indent -= 1;
                self.line("})");
                self.line(".await;");
            }
        } else if first {
            self.line(format!("if let Some(output) = {p}.join_next().await {{"));
            self.line(format!("    {d}.push(output.unwrap());"));
            self.line("}");
        } else {
            self.join_loop(&d, &p);
        }
        if first {
            self.line("// `FIRST_COMPLETED`: those that ended at the same instant are done too.");
            self.line(format!("while let Some(output) = {p}.try_join_next() {{"));
            self.line(format!("    {d}.push(output.unwrap());"));
            self.line("}");
        }
    }

    /// `while let Some(output) = pending.join_next().await { done.push(...) }`.
    fn join_loop(&mut self, d: &str, p: &str) {
        self.line(format!("while let Some(output) = {p}.join_next().await {{"));
        self.line(format!("    {d}.push(output.unwrap());"));
        self.line("}");
    }

    /// `for t in pending: t.cancel()`.
    pub(super) fn abort_all(&mut self, set: &str) {
        self.line("// Tokio cancels by dropping each task's future at its next await.");
        self.line(format!("{}.abort_all();", ident(set)));
    }
}

impl Renderer<'_> {
    /// `fut.done()` of a future made here (a oneshot channel): whether its
    /// value was sent. A shared receiver is polled once, without waiting,
    /// through a clone; a receiver of its own says whether it holds the
    /// value or gave it already. `None` for a task.
    pub(super) fn future_done(&mut self, fut: &str) -> Option<Code> {
        if !self.local_futures.contains(fut) {
            return None;
        }
        let f = ident(fut);
        if self.shared.contains(&(self.func.clone(), fut.to_string())) {
            self.use_("futures", "FutureExt");
            let text = format!("{f}.clone().now_or_never().is_some()");
            return Some(Code::new(text, Ty::Bool, 10));
        }
        let text = format!("!{f}.is_empty() || {f}.is_terminated()");
        Some(Code::new(text, Ty::Bool, 1))
    }

    /// `fut.result()` of a future made here, which the program reads once
    /// it is done: the shared receiver polled once through a clone (asyncio
    /// raises `InvalidStateError` where the value was not sent yet). `None`
    /// for a task or another method.
    pub(super) fn future_result(&mut self, op: TaskOp, fut: &str) -> Option<Code> {
        if op != TaskOp::Result
            || !self.local_futures.contains(fut)
            || !self.shared.contains(&(self.func.clone(), fut.to_string()))
        {
            return None;
        }
        self.use_("futures", "FutureExt");
        let text = format!("{}.clone().now_or_never().unwrap().unwrap()", ident(fut));
        let mut c = Code::new(text, self.var_ty(fut).inner(), 10);
        c.fresh = true;
        Some(c)
    }
}

/// The calls of the program's coroutines inside `e` that a future may be
/// handed to, each with how many times it runs there (a comprehension's
/// more than once); `fut.done()` adds a use of the future `fut` to `uses`.
pub(super) fn future_uses<'a>(e: &'a Expr, fut: &str, uses: &mut u32) -> Vec<(&'a Call, u32)> {
    let mut out = Vec::new();
    let calls = |x: &'a Expr, out: &mut Vec<(&'a Call, u32)>| match &x.kind {
        ExprKind::Spawn(c) | ExprKind::Coro(c) | ExprKind::Await(c) => out.push((c, 1)),
        _ => {}
    };
    each_expr(e, &mut |x| {
        if matches!(&x.kind, ExprKind::Done(n) if n == fut) {
            *uses += 1;
        }
        // `fut.result()` reads the value without taking it: a shared future.
        if matches!(&x.kind, ExprKind::Task(TaskOp::Result, n) if n == fut) {
            *uses += 2;
        }
        calls(x, &mut out);
        if let ExprKind::Comp { value, .. } = &x.kind {
            each_expr(value, &mut |y| calls(y, &mut out));
        }
    });
    out
}
