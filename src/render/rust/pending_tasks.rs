//! The end of the coroutine `asyncio.run` runs (see `plan::pending_tasks`):
//! each task still pending is cancelled, then awaited, in the order the
//! tasks were made, as asyncio's `asyncio.run` does before it returns.

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::ast::Pending;

impl Renderer<'_> {
    /// Cancels every task of `tasks` (its token, or `abort()`), then
    /// awaits each: a task that raised is reported on stderr, as asyncio
    /// logs it.
    pub(super) fn cancel_pending(&mut self, tasks: &[Pending]) {
        self.line("// `asyncio.run` cancels the tasks still pending when its coroutine ends,");
        self.line("// in the order they were made, and waits for them all.");
        for p in tasks {
            match &p.token {
                Some(token) => self.line(format!("{}.cancel();", ident(token))),
                None => self.line(format!("{}.abort();", ident(&p.task))),
            }
        }
        for p in tasks {
            let task = ident(&p.task);
            if self.fallible.contains(&p.coroutine) {
                self.line(format!("if let Ok(Err(e)) = {task}.await {{"));
                self.line(
                    "    eprintln!(\"unhandled exception during asyncio.run() shutdown: {e}\");",
                );
                self.line("}");
            } else {
                self.line(format!("let _ = {task}.await;"));
            }
        }
    }
}
