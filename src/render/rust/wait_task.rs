//! `asyncio.wait_for(task, timeout)` of a task kept in a variable: Tokio's
//! `timeout` over the handle borrowed (`&mut task`), so the task is still
//! there to read after; at the deadline asyncio cancels the task and waits
//! for it to end, which `abort` and one more await of the handle do (a
//! future of `asyncio.run_coroutine_threadsafe` waited for with
//! `future.result(timeout=...)` is not cancelled: its task goes on). And
//! `asyncio.wait_for` of a gather: `join_all` of the children under
//! `timeout`.

use super::Renderer;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::Block;
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Renderer<'_> {
    /// `[let into =] match timeout(d, &mut task).await { Ok(output) =>
    /// output.unwrap(), Err(_) => { abort; on_timeout } }`; without
    /// `abort`, the task goes on past the deadline.
    pub(super) fn wait_task(
        &mut self,
        task: &Expr,
        timeout: &Expr,
        into: Option<&str>,
        on_timeout: &Block,
        abort: bool,
    ) {
        let ExprKind::Var(name) = &task.kind else {
            return self.wait_gather(task, timeout, into, on_timeout);
        };
        let failing = self.demo.function(&self.func).is_some_and(|f| {
            crate::render::plan::ir::raises::failing_tasks(f, &self.fallible).contains_key(name)
        });
        let q = if failing { "?" } else { "" };
        let output = self.var_ty(name).inner();
        let into = into.filter(|v| self.used.contains(*v) && self.var_ty(v) != Ty::Unit);
        let raises = super::timeout::raises_timeout(on_timeout);
        // A handler that goes on gives no value: the output is dropped
        // in its own arm.
        let dropped = into.is_none() && output != Ty::Unit && !raises;
        let head = match into {
            Some(v) => self.bind(v),
            None if output == Ty::Unit || dropped => String::new(),
            None => "let _ = ".into(),
        };
        let d = self.duration(timeout);
        let t = ident(name);
        let shared = self.shares(name);
        let future = matches!(self.var_ty(name), Ty::Future(_));
        self.line(match (abort, raises) {
            (true, true) => {
                "// `Elapsed` ends the wait: the task is aborted, and `TimeoutError` goes on up."
            }
            (true, false) => "// `Elapsed` ends the wait: the task is aborted.",
            (false, true) if future => "// `Elapsed` ends the wait, and `TimeoutError` goes on up.",
            (false, true) => {
                "// `Elapsed` ends the wait, not the task, and `TimeoutError` goes on up."
            }
            (false, false) => "// `Elapsed` ends the wait, not the task.",
        });
        let (handle, output) = if shared {
            (format!("{t}.clone()"), format!("Ok(output) => output{q},"))
        } else {
            (
                format!("&mut {t}"),
                format!("Ok(output) => output.unwrap(){q},"),
            )
        };
        self.timed_line(&format!("{head}match "), &d, &handle, " {");
        self.indent += 1;
        match (dropped, shared) {
            (false, _) => self.line(output),
            (true, true) if q.is_empty() => self.line("Ok(_) => {}"),
            (true, true) => {
                self.line("Ok(output) => {");
                self.line(format!("    output{q};"));
                self.line("}");
            }
            (true, false) => {
                self.line("Ok(output) => {");
                self.line(format!("    output.unwrap(){q};"));
                self.line("}");
            }
        }
        self.line("Err(_) => {");
        if abort {
            self.indent += 1;
            self.line(format!("{t}.abort();"));
            self.line("// asyncio waits for the cancelled task to end.");
            self.line(format!("let _ = (&mut {t}).await;"));
            self.indent -= 1;
        }
        self.nested(on_timeout);
        self.line("}");
        self.indent -= 1;
        self.line(if head.is_empty() { "}" } else { "};" });
    }

    /// `[let into =] match timeout(d, join_all(...)).await { Ok(results)
    /// => results, Err(_) => { on_timeout } }`: at the deadline `timeout`
    /// drops the gather, and its children with it.
    fn wait_gather(
        &mut self,
        gather: &Expr,
        timeout: &Expr,
        into: Option<&str>,
        on_timeout: &Block,
    ) {
        let text = self.expr(gather).text;
        // The gather's future, and what its output goes through after.
        let (future, q) = match text.rsplit_once(".await") {
            Some((f, rest)) => (f.to_string(), rest.to_string()),
            None => (text.clone(), String::new()),
        };
        let into = into.filter(|v| self.used.contains(*v));
        let d = self.duration(timeout);
        if into.is_none() && q.is_empty() {
            self.line("// `Elapsed` drops the gather and its children.");
            let timeout = self.timeout_fn();
            self.timed_is_err(timeout, &d, &future);
            self.nested(on_timeout);
            self.line("}");
            return;
        }
        let head = match into {
            Some(v) => self.bind(v),
            None => "let _ = ".into(),
        };
        self.line("// `Elapsed` drops the gather and its children: `TimeoutError` goes on up.");
        self.timed_line(&format!("{head}match "), &d, &future, " {");
        self.indent += 1;
        self.line(format!("Ok(results) => results{q},"));
        self.line("Err(_) => {");
        self.nested(on_timeout);
        self.line("}");
        self.indent -= 1;
        self.line("};");
    }
}
