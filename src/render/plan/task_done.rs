//! Which tasks kept in variables are surely done at a statement: a task is
//! done once a statement before it in its block (or in a block around it)
//! awaited it or gathered it and ran to its end, once a `try` whose body
//! starts by awaiting it is passed (the await gave the output or raised the
//! task's own exception), and once the `async with asyncio.TaskGroup()`
//! block that created it has ended. `task.result()` of such a task awaits
//! its handle; of any other, it asks the handle first (see `task_poll`):
//! asyncio raises `InvalidStateError` for a task not yet done, where
//! awaiting the handle would wait for it.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Module, Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, FormatPart, StmtKind as P, Target};

impl Planner<'_> {
    /// After the statement `s` ran to its end: a name it binds again is no
    /// longer a done task, and the tasks it surely finished are.
    pub(super) fn note_done(&self, sc: &mut Scope, s: &py::Stmt) {
        if let P::Assign { targets, .. } = &s.kind {
            for t in targets {
                if let Target::Name(n) = t {
                    sc.done_tasks.retain(|d| d.as_str() != &**n.ident());
                }
            }
        }
        let mut out = self.started(sc, s);
        match &s.kind {
            P::Expr(e) | P::Assign { value: e, .. } | P::AugAssign { value: e, .. } => {
                self.finished_by(e, &mut out)
            }
            P::Try { body, handlers, .. } if !handlers.is_empty() => {
                // Passed after the await raised, too: only a bare await of
                // the task tells that the task itself ended then.
                if let Some(P::Expr(e) | P::Assign { value: e, .. }) = body.first().map(|b| &b.kind)
                    && let E::Await(inner) = &e.kind
                    && let Some(t) = local_name(inner)
                {
                    out.push(t.to_string());
                }
            }
            _ => {}
        }
        for t in out {
            if sc.tasks.contains(&t) && !sc.done_tasks.contains(&t) {
                sc.done_tasks.push(t);
            }
        }
    }

    /// Follows the tasks that have not run yet: made by `s`
    /// (`t = asyncio.create_task(...)`), cancelled by it (`t.cancel()`), or
    /// run by it: an `asyncio.sleep` lets every task made before it take a
    /// step, and a task cancelled before its first step ends then. The
    /// tasks `s` surely ends so.
    fn started(&self, sc: &mut Scope, s: &py::Stmt) -> Vec<String> {
        match &s.kind {
            P::Assign { targets, value } if matches!(&targets[..], [Target::Name(_)]) => {
                if let [Target::Name(n)] = &targets[..]
                    && let E::Call(f, _) = &value.kind
                    && self.is_member(f, Module::Asyncio, "create_task")
                {
                    sc.unstarted_tasks
                        .retain(|(t, _)| t.as_str() != &**n.ident());
                    sc.unstarted_tasks.push((n.ident().to_string(), false));
                    return Vec::new();
                }
            }
            P::Expr(e) => {
                if let Some(obj) = super::stmt::method_call(e, "cancel")
                    && let Some(t) = local_name(obj)
                {
                    for (u, cancelled) in &mut sc.unstarted_tasks {
                        *cancelled |= u == t;
                    }
                    return Vec::new();
                }
                if let E::Await(inner) = &e.kind
                    && let E::Call(f, _) = &inner.kind
                    && self.is_member(f, Module::Asyncio, "sleep")
                {
                    return std::mem::take(&mut sc.unstarted_tasks)
                        .into_iter()
                        .filter_map(|(t, cancelled)| cancelled.then_some(t))
                        .collect();
                }
            }
            _ => {}
        }
        let text = self.program.source.get(s.span.clone()).unwrap_or("await");
        if ["await", "async"]
            .iter()
            .any(|w| super::task_state::words(text, w).next().is_some())
        {
            sc.unstarted_tasks.clear();
        }
        Vec::new()
    }

    /// The tasks `e` surely awaits to their end when it is evaluated to its
    /// end: `await task` and `await asyncio.gather(..., task, ...)` in the
    /// parts of `e` always evaluated.
    fn finished_by(&self, e: &py::Expr, out: &mut Vec<String>) {
        let mut each = |x: &py::Expr| self.finished_by(x, out);
        match &e.kind {
            E::Await(inner) => {
                if let Some(t) = local_name(inner) {
                    out.push(t.to_string());
                } else if let E::Call(f, args) = &inner.kind
                    && self.is_member(f, Module::Asyncio, "gather")
                {
                    for a in args {
                        if let Arg::Positional(x) = a
                            && let Some(t) = local_name(x)
                        {
                            out.push(t.to_string());
                        }
                    }
                } else {
                    self.finished_by(inner, out);
                }
            }
            E::Call(f, args) => {
                each(f);
                for a in args {
                    match a {
                        Arg::Positional(x)
                        | Arg::Star(x)
                        | Arg::Keyword(_, x)
                        | Arg::StarStar(x) => self.finished_by(x, out),
                    }
                }
            }
            E::Attr(x, _) | E::UnaryOp(_, x) | E::Starred(x) | E::Compare(x, _) => each(x),
            E::Subscript(a, b) | E::BinOp(_, a, b) => {
                self.finished_by(a, out);
                self.finished_by(b, out);
            }
            E::List(xs) | E::Tuple(xs) | E::Set(xs) => xs.iter().for_each(each),
            E::FString(parts) => {
                for p in parts {
                    if let FormatPart::Field { value, .. } = p {
                        self.finished_by(value, out);
                    }
                }
            }
            _ => {}
        }
    }

    /// Refuses `task.result()` (`obj` names `task`) where the task is not
    /// surely done: `try: task.result() except CancelledError:` reads how
    /// a done task ended.
    pub(super) fn result_of_done(&self, sc: &Scope, obj: &py::Expr, task: &str) -> Result<()> {
        if sc.done_tasks.iter().any(|t| t == task) {
            return Ok(());
        }
        refuse(
            &obj.span,
            format!("`{task}.result()` of a task not known to be done"),
            "asyncio gives the output of a task already done and raises `InvalidStateError` \
             for one still running, where awaiting its `JoinHandle` would wait for it: \
             `await` the task (or `asyncio.gather` it, or read it after its `TaskGroup` \
             block) before reading its result",
        )
    }
}
