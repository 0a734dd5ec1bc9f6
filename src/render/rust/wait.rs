//! `done, pending = await asyncio.wait(tasks, ...)`: the tasks in a
//! `JoinSet` (`pending`), `done` the outputs of those that ended, taken
//! with `join_next` (all of them, or the first and any that ended at the
//! same instant for `FIRST_COMPLETED`), under Tokio's `timeout` for
//! `timeout=`; what is still pending stays in the set.

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::ast::Calls;
use crate::render::plan::ir::expr::Expr;

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
