//! An async generator a module list keeps to the end of `asyncio.run`
//! (`plan::closed_at_shutdown`): asyncio's shutdown closes it and awaits
//! its cleanup whole. The stream drops as the coroutine that holds it
//! ends; its drop guard spawns the cleanup on a `TaskTracker` of the
//! module, which the `run` helper closes and awaits after the coroutine.

use super::Renderer;

/// The `run` helper when a generator is kept to the end of `asyncio.run`.
pub(super) const RUN_CLOSING: &[&str] = &[
    "/// `asyncio.run(...)`: an event loop of its own runs `f` to its end, then",
    "/// closes the async generators still kept (`shutdown_asyncgens`), awaiting",
    "/// their cleanups, and drops the tasks still running.",
    super::MAIN_ATTR,
    "async fn run<F: Future>(f: F) -> F::Output {",
    "    let output = f.await;",
    "    CLOSING.close();",
    "    CLOSING.wait().await;",
    "    output",
    "}",
];

impl Renderer<'_> {
    /// Whether a generator is kept to the end of `asyncio.run`.
    pub(super) fn closes_at_shutdown(&self) -> bool {
        !self.demo.closed_at_shutdown.is_empty()
    }

    /// Whether the generator being written is kept to the end of
    /// `asyncio.run`.
    pub(super) fn closed_at_shutdown(&self) -> bool {
        self.demo.closed_at_shutdown.contains(&self.func)
    }

    /// The tracker of the kept generators' cleanups.
    pub(super) fn closing_static(&mut self) {
        if !self.closes_at_shutdown() {
            return;
        }
        self.use_("std::sync", "LazyLock");
        self.use_("tokio_util::task", "TaskTracker");
        self.line("/// The cleanups of the async generators kept to the end of `asyncio.run`,");
        self.line("/// which its shutdown awaits.");
        self.line("static CLOSING: LazyLock<TaskTracker> = LazyLock::new(TaskTracker::new);");
        self.line("");
    }
}
