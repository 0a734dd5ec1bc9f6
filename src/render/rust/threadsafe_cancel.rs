//! The cancel of a future of `asyncio.run_coroutine_threadsafe` (see
//! `plan::threadsafe_cancel`): the job aborts the coroutine's task and
//! notes whether it still ran, which is the concurrent future's
//! `cancelled()` from then on, and its `done()` too: a cancelled
//! concurrent future is done as `cancel()` returns, where the handle
//! says so only once the runtime has dropped the task. A shared handle
//! (read with a timeout and again, see `shared_handle`) cannot abort its
//! task: the task's `AbortHandle` is taken before the handle is shared.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Call, StmtKind};

impl Renderer<'_> {
    /// Whether `task` is a future of `asyncio.run_coroutine_threadsafe`:
    /// a task the current function, an executor's job, spawns.
    pub(super) fn threadsafe_future(&self, task: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut spawned = false;
        f.walk(&mut |s| {
            spawned |= matches!(&s.kind, StmtKind::Spawn { into, .. } if into == task);
        });
        spawned && self.runs_as_job(&self.func)
    }

    /// Whether `task` is a shared handle whose task the function aborts.
    fn shared_aborted(&self, task: &str) -> bool {
        self.shares(task) && self.aborts(task)
    }

    /// What aborts `task`'s task: its handle, or the `AbortHandle` taken
    /// from it before it was shared.
    pub(super) fn abort_target(&self, task: &str) -> String {
        if self.shared_aborted(task) {
            ident(&abort_handle_name(task))
        } else {
            ident(task)
        }
    }

    /// `tokio::spawn(call)` into a shared handle whose task is aborted:
    /// its `AbortHandle` kept, then the handle shared; `false` for
    /// another handle.
    pub(super) fn shared_aborted_spawn(&mut self, into: &str, call: &str) -> bool {
        if !self.shared_aborted(into) {
            return false;
        }
        self.use_("futures", "FutureExt");
        let spawn = format!("let {} = tokio::spawn(", ident(into));
        self.wrapped_call(&spawn, call, ");");
        self.line("// A shared handle cannot abort its task: its abort handle can.");
        self.line(format!(
            "let {} = {}.abort_handle();",
            ident(&abort_handle_name(into)),
            ident(into)
        ));
        self.line("// A concurrent future gives its result to each read: the handle, shared.");
        let bind = self.bind(into);
        self.line(format!(
            "{bind}{}.map(Result::unwrap).shared();",
            ident(into)
        ));
        true
    }

    /// `task.done()` of a task, a future or a job's handle.
    pub(super) fn task_done(&mut self, task: &str) -> Code {
        if self.shares(task) {
            return self.shared_done(task);
        }
        if let Some(done) = self
            .future_done(task)
            .or_else(|| self.future_item_done(task))
        {
            return done;
        }
        if let Some(done) = self.done_taken(task) {
            return done;
        }
        let t = self.var_code(task);
        Code::new(format!("{}.is_finished()", t.wrap(10)), Ty::Bool, 10)
    }

    /// `future.done()` of a future the function cancels: true once it
    /// was cancelled, else whether its task has finished (`finished`).
    pub(super) fn cancelled_done(&self, task: &str, finished: &Code) -> Option<Code> {
        if !self.threadsafe_future(task) || !self.aborts(task) {
            return None;
        }
        let flag = self.abort_flag_name(task)?;
        Some(Code::new(
            format!("{flag} || {}", finished.wrap(2)),
            Ty::Bool,
            1,
        ))
    }
}

impl Renderer<'_> {
    /// `into = asyncio.run_coroutine_threadsafe(call, loop)` on the loop's
    /// own thread: the coroutine made at once, its task yielding once
    /// before it runs it, as asyncio makes the task in a callback on the
    /// loop's next step.
    pub(super) fn late_spawn(&mut self, call: &Call, into: &str) {
        self.use_("tokio::task", "yield_now");
        let c = self.call(call);
        let bind = match Some(into).filter(|n| self.used.contains(*n)) {
            Some(n) => self.bind(n),
            None => String::new(),
        };
        self.line("// asyncio makes the task in a callback on the loop's next step, after the");
        self.line("// tasks made until then: it yields once first.");
        self.line(format!("{bind}{{"));
        self.indent += 1;
        self.wrapped_call("let coroutine = ", &c, ";");
        self.line("tokio::spawn(async move {");
        self.line("    yield_now().await;");
        self.line("    coroutine.await");
        self.line(if bind.is_empty() { "});" } else { "})" });
        self.indent -= 1;
        self.line(if bind.is_empty() { "}" } else { "};" });
    }
}

/// The variable of the `AbortHandle` of `task`'s task.
fn abort_handle_name(task: &str) -> String {
    format!("{}_task", task.trim_start_matches("r#"))
}
