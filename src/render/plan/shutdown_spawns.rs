//! A task made in the `except asyncio.CancelledError:` of a task whose
//! handle nobody keeps, so that only the end of `asyncio.run` cancels it.
//! asyncio cancels the tasks pending when its coroutine ends and waits for
//! them, but not for a task their cleanup makes: that one runs only in the
//! few rounds of the loop's shutdown and is then destroyed pending, Python
//! writing `Task was destroyed but it is pending!` and the task's repr on
//! stderr. A Tokio runtime runs it by its own scheduling until it is
//! dropped, silently. The listing refuses the `create_task` there.

use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Module, StmtKind as P};

impl Planner<'_> {
    /// Refuses `asyncio.create_task(...)`, as a statement of the handler
    /// `h` of the cancellation of `try: body`, in a coroutine that only
    /// `asyncio.run`'s end cancels (see the module's doc).
    pub(super) fn refuse_shutdown_spawn(&self, body: &[py::Stmt], h: &py::Handler) -> Result<()> {
        let mut spawn = None;
        py::walk(&h.body, &mut |s| {
            if let P::Expr(e) = &s.kind
                && let E::Call(f, _) = &e.kind
                && self.is_member(f, Module::Asyncio, "create_task")
            {
                spawn.get_or_insert(s.span.clone());
            }
        });
        let Some(spawn) = spawn else { return Ok(()) };
        let Some(name) = self.coroutine_around(&h.span) else {
            return Ok(());
        };
        if !self.only_shutdown_cancels(body, name) {
            return Ok(());
        }
        refuse(
            &spawn,
            "`asyncio.create_task` in the cleanup of a task cancelled at the end of `asyncio.run`",
            "asyncio cancels and waits for the tasks pending when its coroutine ends, but not \
             for one their cleanup makes: that task runs only in the few rounds of the loop's \
             shutdown, then is destroyed pending (Python writes `Task was destroyed but it is \
             pending!` and the task's repr on stderr); a Tokio runtime runs it by its own \
             scheduling until it drops it silently: await the new task in the cleanup, or make \
             it before `asyncio.run`'s coroutine ends",
        )
    }

    /// The name of the coroutine of the module whose definition holds `span`.
    fn coroutine_around(&self, span: &std::ops::Range<usize>) -> Option<&str> {
        self.program.module.body.iter().find_map(|s| match &s.kind {
            P::Def { code, .. } if code.is_async && s.span.contains(&span.start) => {
                Some(&*code.name)
            }
            _ => None,
        })
    }

    /// Whether only the end of `asyncio.run` cancels the coroutine `name`
    /// in `try: body`: every read of it is `asyncio.create_task(name(...))`
    /// as a statement (its handle thrown away), nothing asks for all the
    /// tasks, and `body` awaits only `asyncio.sleep(...)`.
    fn only_shutdown_cancels(&self, body: &[py::Stmt], name: &str) -> bool {
        let module = &self.program.module.body;
        let spawns = self.spawn_statements(module, name);
        let source = &self.program.source;
        let text = body
            .iter()
            .map(|s| self.text(&s.span))
            .collect::<Vec<_>>()
            .join("\n");
        let awaits = text.matches("await").count();
        let sleeps = text.matches("await asyncio.sleep(").count();
        spawns > 0
            && spawns == super::name_reads::name_reads(module, name)
            && !source.contains("all_tasks")
            && awaits == sleeps
    }

    /// How many statements of `block`, and of the functions and classes
    /// it defines, are `asyncio.create_task(name(...))`.
    fn spawn_statements(&self, block: &[py::Stmt], name: &str) -> usize {
        let mut count = 0;
        py::walk(block, &mut |s| match &s.kind {
            P::Expr(e) if self.created_coroutine(e) == Some(name) => count += 1,
            P::Def { code, .. } | P::Class { code, .. } => {
                count += self.spawn_statements(&code.body, name);
            }
            _ => {}
        });
        count
    }
}
