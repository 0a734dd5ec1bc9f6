//! An async generator kept in a variable and read by hand
//! (`g = gen(...)`, then `await anext(g)`): its stream pinned in the
//! variable, each `anext` its `next().await`.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use crate::render::plan::ir::ast::{Call, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

impl Renderer<'_> {
    /// `let mut g = pin!(gen(...));`.
    pub(super) fn keep_stream(&mut self, var: &str, call: &Call) {
        self.use_("std::pin", "pin");
        let c = self.call(call);
        self.declared.insert(var.to_string());
        self.line(format!("let mut {} = pin!({c});", ident(var)));
    }

    /// `g.next().await`: the next item, which Python's `anext` raises
    /// `StopAsyncIteration` for where there is none.
    pub(super) fn next_item(&mut self, var: &str, generator: &str) -> Code {
        self.use_("futures", "StreamExt");
        let ty = self
            .types
            .item
            .get(generator)
            .cloned()
            .unwrap_or(super::types::Ty::Unknown);
        Code::new(
            format!("{}.next().await.expect(\"StopAsyncIteration\")", ident(var)),
            ty,
            10,
        )
    }
}

/// The `run` helper when the coroutine it runs keeps a stream, which drops
/// as the coroutine ends and spawns its cleanup: asyncio gives that task
/// a turn before it closes the loop.
pub(super) const RUN_WITH_TURN: &[&str] = &[
    "/// `asyncio.run(...)`: an event loop of its own runs `f` to its end, gives",
    "/// the tasks `f` spawned as it ended (a generator's cleanup) a turn, then",
    "/// drops the tasks still running, as asyncio cancels them.",
    super::MAIN_ATTR,
    "async fn run<F: Future>(f: F) -> F::Output {",
    "    let output = f.await;",
    "    tokio::task::yield_now().await;",
    "    output",
    "}",
];

impl Renderer<'_> {
    /// Whether a coroutine `asyncio.run` runs from the module's code keeps
    /// a stream.
    pub(super) fn entry_keeps_stream(&self) -> bool {
        let Some(module) = self.demo.function(&self.demo.entry) else {
            return false;
        };
        let keeps = |name: &str| {
            self.demo.function(name).is_some_and(|f| {
                f.body.iter().any(|s| {
                    matches!(&s.kind, StmtKind::Set { value, .. }
                        if matches!(value.kind, ExprKind::Stream(_)))
                })
            })
        };
        module.body.iter().any(|s| match &s.kind {
            StmtKind::Await { call, .. } => keeps(&call.name),
            _ => false,
        })
    }
}
