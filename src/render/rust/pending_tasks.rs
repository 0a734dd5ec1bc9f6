//! The end of the coroutine `asyncio.run` runs (see `plan::pending_tasks`):
//! each task still pending is cancelled, then awaited, in the order the
//! tasks were made, as asyncio's `asyncio.run` does before it returns.

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::ast::Pending;

/// What asyncio logs of a task that ended with an exception as it was
/// cancelled at the end of `asyncio.run`.
const SHUTDOWN_ERROR: &str =
    "    eprintln!(\"unhandled exception during asyncio.run() shutdown: {e}\");";

impl Renderer<'_> {
    /// Cancels every task of `tasks` (its token, or `abort()`), then
    /// awaits each: a task that raised is reported on stderr, as asyncio
    /// logs it (the message of one raising as it is cancelled).
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
            let fails = self.fallible.contains(&p.coroutine);
            match (&p.token, fails) {
                // Its handler went on: the task ends as a function returns.
                (Some(_), false) => self.line(format!("{task}.await.unwrap();")),
                (Some(_), true) => {
                    self.line(format!("if let Err(e) = {task}.await.unwrap() {{"));
                    self.line(SHUTDOWN_ERROR);
                    self.line("}");
                }
                // An aborted task gives an `Err` only if it ended before.
                (None, true) => {
                    self.line(format!("if let Ok(Err(e)) = {task}.await {{"));
                    self.line("    eprintln!(\"Task exception was never retrieved: {e}\");");
                    self.line("}");
                }
                // Aborted: its handle gives a `JoinError` (or its output,
                // if it ended before).
                (None, false) => self.line(format!("let _ = {task}.await;")),
            }
        }
    }
}
