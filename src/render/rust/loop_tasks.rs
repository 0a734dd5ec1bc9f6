//! A task spawned on a runtime built by hand, out of its runs (see
//! `plan::loop_tasks`): `runtime.spawn(...)`. asyncio runs the loop's
//! ready tasks before the awaitable of its next `run_until_complete`,
//! where `block_on` polls its own future first: that run yields to them
//! before it starts.

use super::Renderer;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Call, StmtKind, walk};

impl Renderer<'_> {
    /// `loop.create_task(call)`: the task spawned on the runtime.
    pub(super) fn loop_spawn(&mut self, runtime: &str, call: &Call) {
        let c = self.call(call);
        self.line("// A task of this runtime: it runs only while the runtime runs.");
        self.wrapped_call(&format!("{}.spawn(", ident(runtime)), &c, ");");
    }

    /// `into = loop.run_until_complete(f(...))` after a task spawned on the
    /// runtime, of a coroutine that cannot fail: an `async` block that
    /// yields to the runtime's tasks, then gives the coroutine's value.
    /// False (nothing written) for any other run.
    pub(super) fn yielding_block_on(
        &mut self,
        runtime: &str,
        body: &Block,
        into: Option<&str>,
    ) -> bool {
        let [inner] = body.as_slice() else {
            return false;
        };
        let StmtKind::Await { call, .. } = &inner.kind else {
            return false;
        };
        if !self.try_op(&call.name).is_empty() {
            return false;
        }
        let c = self.call(call);
        let unit = matches!(self.types.ret_of(&call.name), Ty::Unit | Ty::Unknown);
        let head = match into.filter(|_| !unit) {
            Some(name) => self.bind(name),
            None => String::new(),
        };
        self.line(format!("{head}{}.block_on(async {{", ident(runtime)));
        self.indent += 1;
        self.line("// asyncio runs the loop's tasks first: yield to them.");
        self.line("tokio::task::yield_now().await;");
        self.line(format!("{c}.await"));
        self.indent -= 1;
        self.line("});");
        true
    }

    /// Whether the run of `runtime` whose block is `body` comes after a
    /// task spawned on it, with no run between them.
    pub(super) fn runs_after_loop_spawn(&self, runtime: &str, body: &Block) -> bool {
        let (Some(f), Some(first)) = (self.demo.function(&self.func), body.first()) else {
            return false;
        };
        let (mut spawned, mut found) = (false, false);
        walk(&f.body, &mut |s| match &s.kind {
            StmtKind::LoopSpawn { runtime: r, .. } if r == runtime => spawned = true,
            StmtKind::BlockOn {
                runtime: r, body, ..
            } if r == runtime => {
                if body.first().is_some_and(|b| b.id == first.id) {
                    found |= spawned;
                }
                spawned = false;
            }
            _ => {}
        });
        found
    }
}
