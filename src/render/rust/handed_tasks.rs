//! A task handed to a coroutine, which awaits it: asyncio cancels the task
//! that a cancelled task awaits, where dropping a `JoinHandle` detaches
//! its task, which runs on. So the coroutine awaits the handle through a
//! `tokio_util::task::AbortOnDropHandle`, which aborts the task if the
//! wait is dropped (its own task aborted, a timeout past) and does
//! nothing once the task has ended.

use super::Renderer;
use super::names::ident;
use super::types::Ty;

impl Renderer<'_> {
    /// `text`, the handle of `task` awaited, wrapped to abort its task if
    /// the wait is dropped, when `task` is a parameter of the coroutine
    /// being written, awaited by value.
    pub(super) fn handed_handle(&mut self, task: &str, text: String) -> String {
        let param = self
            .demo
            .function(&self.func)
            .is_some_and(|f| f.params.iter().any(|p| p == task));
        if !param || text != ident(task) || !matches!(self.var_ty(task), Ty::Task(_)) {
            return text;
        }
        self.use_("tokio_util::task", "AbortOnDropHandle");
        self.line("// asyncio cancels the task a cancelled task awaits: dropped, this");
        self.line("// handle aborts it (a `JoinHandle` dropped would leave it running).");
        format!("AbortOnDropHandle::new({text})")
    }
}
