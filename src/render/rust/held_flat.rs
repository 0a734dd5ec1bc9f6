//! `async with lock:` whose block binds a variable read after it: a Rust
//! block would end the variable with the guard, so the guard is a `let`
//! of the enclosing block, released by `drop` where the Python block ends
//! (a `return`, `break` or `?` leaving earlier drops it as it leaves).

use super::Renderer;
use super::analysis::binds;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, StmtKind};

impl Renderer<'_> {
    /// Whether `body` binds, at its top, a variable not declared before
    /// that a statement after `end` reads (a task is taken as read).
    pub(super) fn binds_for_later(&self, body: &Block, end: usize) -> bool {
        body.iter().any(|s| {
            let (var, task) = match &s.kind {
                StmtKind::Spawn { into, .. } | StmtKind::Make { into, .. } => (into, true),
                _ => match binds(s) {
                    Some(v) => (v, false),
                    None => return false,
                },
            };
            !self.declared.contains(var) && (task || self.read_after(var, end))
        })
    }

    /// The guard of `sync` held from here, the block's statements, then
    /// its `drop` unless the block always leaves before.
    pub(super) fn held_flat(&mut self, sync: &str, body: &Block) {
        let name = ["guard", "held", "lock_guard"]
            .into_iter()
            .find(|n| !self.declared.contains(*n) && !self.used.contains(*n))
            .unwrap_or("lock_guard");
        let held = match self.var_ty(sync) {
            Ty::Sync(true) => format!("let {name} = {}.lock().await;", ident(sync)),
            _ => format!(
                "let {name} = {}.acquire().await.expect(\"the semaphore is never closed\");",
                ident(sync)
            ),
        };
        self.line("// Held to the `drop` below, as `async with` holds it: what the");
        self.line("// block binds is read after it.");
        self.line(held);
        self.body(body, false);
        let leaves = matches!(
            body.last().map(|s| &s.kind),
            Some(
                StmtKind::Return(_)
                    | StmtKind::Raise { .. }
                    | StmtKind::Break(_)
                    | StmtKind::Continue
            )
        );
        if !leaves {
            self.line(format!("drop({name});"));
        }
    }
}
