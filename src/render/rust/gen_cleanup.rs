//! The `finally` of an async generator. asyncio closes a generator left
//! at a `yield` (a `break` out of its `async for`, a variable that goes
//! out of scope) in a task of its own (`aclose()`, scheduled when the
//! generator is dropped), which runs the cleanup, awaits and all, while
//! the code that left it goes on; a generator whose reader is cancelled
//! while the generator awaits runs its cleanup in place, in the cancelled
//! task. The listing does the same: the stream notes when it stops at a
//! `yield`, and its drop guard then spawns the cleanup as a task, or else
//! runs it in place, where `Drop` cannot await. A runtime shutting down
//! refuses new tasks, where asyncio's shutdown still gives the cleanup a
//! turn: the guard then runs it in place too. The reader's loop is a
//! block of its own, so the stream drops where Python lets go of the
//! generator. A generator read to its end runs the cleanup in place, as
//! Python's does: the guard is switched off and the cleanup follows.

use super::Renderer;
use super::analysis::{assigned_in, read_in};
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Function, FunctionKind, StmtKind, walk};

/// Whether the cleanup of `try: body finally: cleanup` in a generator is
/// spawned when the stream drops: nothing returns out of either block,
/// there is no `except CancelledError`, and the cleanup reads no variable
/// the body changes.
fn spawned(body: &Block, on_cancel: &Block, finally: &Block) -> bool {
    let returns = |b: &Block| {
        let mut found = false;
        walk(b, &mut |s| {
            found |= matches!(s.kind, StmtKind::Return(_) | StmtKind::Stop);
        });
        found
    };
    let changed = assigned_in(body);
    !finally.is_empty()
        && on_cancel.is_empty()
        && !returns(body)
        && !returns(finally)
        && !read_in(finally).iter().any(|v| changed.contains(v))
}

/// Whether dropping a stream of the generator `f` before its end spawns a
/// cleanup (see [`spawned`]).
pub(super) fn drop_spawns(f: &Function) -> bool {
    if f.kind != FunctionKind::Generator {
        return false;
    }
    let mut found = false;
    walk(&f.body, &mut |s| {
        if let StmtKind::Try {
            body,
            on_cancel,
            finally,
        } = &s.kind
        {
            found |= spawned(body, on_cancel, finally);
        }
    });
    found
}

impl Renderer<'_> {
    /// `try: body finally: cleanup` in an async generator whose cleanup a
    /// dropped stream spawns; `false` (nothing written) elsewhere.
    pub(super) fn generator_finally(
        &mut self,
        body: &Block,
        on_cancel: &Block,
        finally: &Block,
        tail: bool,
    ) -> bool {
        let in_generator = self
            .demo
            .function(&self.func)
            .is_some_and(|f| f.kind == FunctionKind::Generator);
        if !in_generator || !spawned(body, on_cancel, finally) {
            return false;
        }
        self.use_("scopeguard", "guard");
        self.use_("scopeguard", "ScopeGuard");
        if !tail {
            self.line("{");
            self.indent += 1;
        }
        // Atomic, so that the stream stays `Send` for `tokio::spawn`.
        self.use_("std::sync::atomic", "AtomicBool");
        self.use_("std::sync::atomic", "Ordering");
        self.line("let at_yield = AtomicBool::new(false);");
        self.line("let _finally = guard((), |_| {");
        self.indent += 1;
        self.line("if at_yield.load(Ordering::Relaxed) {");
        self.indent += 1;
        let closing = self.closed_at_shutdown();
        if closing {
            self.line("// Left at a `yield` and kept to the end of `asyncio.run`: its shutdown");
            self.line("// closes the generator, awaiting the cleanup (see `run`).");
        } else {
            self.line("// Left at a `yield`: asyncio closes the generator in a task of its own.");
        }
        // The task owns what the cleanup reads.
        for v in read_in(finally) {
            if !self.declared.contains(&v) && !self.names_param(&v) {
                continue;
            }
            let name = ident(&v);
            match self.var_ty(&v) {
                Ty::Str => self.line(format!("let {name} = {name}.to_string();")),
                t if t.is_copy() => {}
                _ => self.line(format!("let {name} = {name}.clone();")),
            }
        }
        let spawn = if closing {
            "CLOSING.spawn"
        } else {
            "tokio::spawn"
        };
        self.line(format!("let cleanup = {spawn}(async move {{"));
        self.nested(finally);
        self.line("});");
        self.line("// A runtime shutting down runs no new task: asyncio's shutdown still");
        self.line("// gives it a turn, so the cleanup runs here then.");
        self.line("if !cleanup.is_finished() {");
        self.line("    return;");
        self.line("}");
        self.indent -= 1;
        self.line("}");
        self.line("// Dropped while it awaits, its reader's task cancelled: the cleanup");
        self.line("// runs in place, as in that task in Python.");
        let sync = std::mem::replace(&mut self.sync, true);
        self.body(finally, false);
        self.sync = sync;
        self.indent -= 1;
        self.line("});");
        let marks = std::mem::replace(&mut self.marks_yields, true);
        self.body(body, false);
        self.marks_yields = marks;
        self.line("// Read to its end: the cleanup runs here.");
        self.line("ScopeGuard::into_inner(_finally);");
        self.body(finally, tail);
        if !tail {
            self.indent -= 1;
            self.line("}");
        }
        true
    }

    /// Whether `name` is a parameter of the function being written.
    fn names_param(&self, name: &str) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| f.params.iter().any(|p| p == name))
    }
}

impl Renderer<'_> {
    /// `yield value;`, marked where the stream's drop guard asks where it
    /// stopped.
    pub(super) fn yield_line(&mut self, value: &str) {
        if !self.marks_yields {
            self.line(format!("yield {value};"));
            return;
        }
        self.line("at_yield.store(true, Ordering::Relaxed);");
        self.line(format!("yield {value};"));
        self.line("at_yield.store(false, Ordering::Relaxed);");
    }
}
