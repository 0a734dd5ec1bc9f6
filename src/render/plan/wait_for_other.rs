//! `asyncio.wait_for` of what is not a call of a coroutine of the program:
//! a task kept in a variable (Tokio's `timeout` over the borrowed handle,
//! the task aborted and awaited to its end at the deadline, as asyncio
//! cancels it and waits), `asyncio.gather` of calls of the program's
//! coroutines (their `join_all` under `timeout`), or
//! `asyncio.sleep(delay, result=value)` (the sleep under a deadline, then
//! the value). Either lets `TimeoutError` go
//! on up, as a statement of its own or inside an expression.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, Name};
use crate::render::plan::ir::ast::{FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// What the wait is planned as.
pub(super) enum Waited {
    /// The wait for a task or a gather, its output into the variable given.
    Task(StmtKind),
    /// The sleep under its deadline, then the sleep's result.
    Sleep(StmtKind, Expr),
}

impl Planner<'_> {
    /// `asyncio.wait_for(aw, timeout)` (the call `inner`) of a task
    /// variable or of `asyncio.sleep(...)`; `None` for another call.
    pub(super) fn wait_for_other(
        &self,
        sc: &Scope,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<Waited>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "wait_for") {
            return Ok(None);
        }
        let (aw, timeout) = match args.as_slice() {
            [Arg::Positional(a), Arg::Keyword(k, t)] if &**k == "timeout" => (a, t),
            [Arg::Positional(a), Arg::Positional(t)] => (a, t),
            _ => return Ok(None),
        };
        if matches!(timeout.kind, E::Literal(Literal::None)) {
            return Ok(None);
        }
        let raise = vec![Stmt {
            id: self.current.get(),
            span: inner.span.clone(),
            kind: StmtKind::Raise {
                class: "TimeoutError".into(),
                message: None,
            },
        }];
        if let Some(wait) = self.shielded_wait(sc, aw, timeout, into.clone(), &raise)? {
            return Ok(Some(Waited::Task(wait)));
        }
        if let Some(task) = local_name(aw)
            && sc.tasks.iter().any(|t| t == task)
            && !sc.task_loops.iter().any(|t| t == task)
        {
            sc.after_timed_wait(task, &aw.span, "asyncio.wait_for(...)")?;
            sc.timed.borrow_mut().push(task.to_string());
            let task = Expr {
                kind: ExprKind::Var(sc.local(task, &aw.span)?),
                span: aw.span.clone(),
            };
            return Ok(Some(Waited::Task(StmtKind::TimedWait {
                task,
                timeout: self.expr(sc, timeout)?,
                into,
                on_timeout: raise,
                abort: true,
            })));
        }
        let E::Call(g, sleep_args) = &aw.kind else {
            return Ok(None);
        };
        if self.is_member(g, Module::Asyncio, "gather") {
            // Calls of the program's coroutines, written one by one: the
            // gather is their `join_all`, dropped (its children with it) at
            // the deadline, as asyncio cancels them.
            let calls = sleep_args.iter().all(|a| {
                matches!(a, Arg::Positional(c) if matches!(&c.kind, E::Call(f, _)
                    if matches!(&f.kind, E::Name(Name::Global(n))
                        if self.defs.get(&**n).is_some_and(|d| d.kind == Some(FunctionKind::Coroutine)))))
            });
            if !calls {
                return Ok(None);
            }
            let Some(gathered) = self.await_value(sc, aw)? else {
                return Ok(None);
            };
            let task = Expr {
                kind: gathered,
                span: aw.span.clone(),
            };
            return Ok(Some(Waited::Task(StmtKind::TimedWait {
                task,
                timeout: self.expr(sc, timeout)?,
                into,
                on_timeout: raise,
                abort: true,
            })));
        }
        if !self.is_member(g, Module::Asyncio, "sleep") {
            return Ok(None);
        }
        let (delay, value) = match sleep_args.as_slice() {
            [Arg::Positional(d)] => (d, None),
            [Arg::Positional(d), Arg::Positional(v)] => (d, Some(v)),
            [Arg::Positional(d), Arg::Keyword(k, v)] if &**k == "result" => (d, Some(v)),
            _ => return Ok(None),
        };
        if let Some(v) = value
            && !settled(v)
        {
            return refuse(
                &v.span,
                "this result of `asyncio.sleep` under `asyncio.wait_for`",
                "the Rust listing gives the result after the sleep: a literal or a \
                 local variable, which the sleep cannot change",
            );
        }
        if let (Some(d), Some(t)) = (number(delay), number(timeout))
            && d == t
        {
            return refuse(
                &inner.span,
                "a sleep as long as its `asyncio.wait_for` timeout",
                "asyncio's timeout fires first at the same instant, Tokio's `timeout` \
                 gives the sleep's result first: make one of them longer",
            );
        }
        let value = match value {
            Some(v) => self.expr(sc, v)?,
            None => Expr::lit(Value::None),
        };
        let sleep = Stmt {
            id: self.current.get(),
            span: aw.span.clone(),
            kind: StmtKind::Sleep(self.expr(sc, delay)?),
        };
        let deadline = StmtKind::Deadline {
            delay: Some(self.expr(sc, timeout)?),
            at: false,
            body: vec![sleep],
            on_timeout: raise,
            when: None,
            expired: None,
        };
        Ok(Some(Waited::Sleep(deadline, value)))
    }

    /// `await asyncio.wait_for(...)` of a task or a sleep inside an
    /// expression (the await `e`): the wait goes first, as a statement,
    /// and the expression reads its result; `None` where the wait is
    /// another or may not go first.
    pub(super) fn wait_for_lifted(
        &self,
        sc: &Scope,
        e: &py::Expr,
        inner: &py::Expr,
    ) -> Result<Option<ExprKind>> {
        if !self.hoistable(&e.span) {
            return Ok(None);
        }
        let name = self.fresh_name("wait_for_result");
        match self.wait_for_other(sc, inner, Some(name.clone()))? {
            Some(Waited::Task(wait)) => {
                self.lifted.borrow_mut().push(wait);
                Ok(Some(ExprKind::Var(name)))
            }
            Some(Waited::Sleep(deadline, value)) => {
                self.hoisted_names.borrow_mut().remove(&name);
                self.lifted.borrow_mut().push(deadline);
                Ok(Some(value.kind))
            }
            None => {
                self.hoisted_names.borrow_mut().remove(&name);
                Ok(None)
            }
        }
    }

    /// `[into =] await asyncio.wait_for(...)` of a task or a sleep, as a
    /// statement; `None` for another wait.
    pub(super) fn wait_for_stmt(
        &self,
        sc: &Scope,
        inner: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        Ok(match self.wait_for_other(sc, inner, into.clone())? {
            Some(Waited::Task(wait)) => Some(wait),
            Some(Waited::Sleep(deadline, value)) => match into {
                Some(var) => {
                    self.lifted.borrow_mut().push(deadline);
                    Some(StmtKind::Set { var, value })
                }
                None => Some(deadline),
            },
            None => None,
        })
    }
}

impl Planner<'_> {
    /// `try: await asyncio.wait_for(aw, timeout) except TimeoutError:
    /// handler` (the call `inner`, nothing kept) of a task or a gather: the
    /// wait with the handler's statements where it would raise.
    pub(super) fn caught_wait_for(
        &self,
        sc: &mut Scope,
        inner: &py::Expr,
        handler: &[py::Stmt],
    ) -> Result<Option<StmtKind>> {
        let Some(Waited::Task(StmtKind::TimedWait {
            task,
            timeout,
            abort,
            ..
        })) = self.wait_for_other(sc, inner, None)?
        else {
            return Ok(None);
        };
        Ok(Some(StmtKind::TimedWait {
            task,
            timeout,
            into: None,
            on_timeout: self.block(sc, handler)?,
            abort,
        }))
    }
}

impl Scope {
    /// Refuses `what` (`await task`, `task.cancelled()`, ...) of a task
    /// at `span` that an `asyncio.wait_for` before it waited for: its
    /// `JoinHandle` has given its output, or was aborted at the deadline
    /// without the flag `task.cancelled()` reads.
    pub(super) fn after_timed_wait(
        &self,
        task: &str,
        span: &std::ops::Range<usize>,
        what: &str,
    ) -> Result<()> {
        if !self.timed.borrow().iter().any(|t| t == task) {
            return Ok(());
        }
        let reason = if what.ends_with(".cancelled()") {
            "the Rust listing aborts the task at the deadline without noting it where \
             `task.cancelled()` reads: catch the wait's `TimeoutError` to know the task \
             was cancelled"
        } else {
            "the timed wait takes the task's output from its `JoinHandle`, or aborts it at \
             the deadline, and a handle polled again after that panics: keep the value the \
             wait gave"
        };
        refuse(
            span,
            format!("`{what}` after `asyncio.wait_for({task}, ...)`"),
            reason,
        )
    }
}

impl Planner<'_> {
    /// `asyncio.wait_for(asyncio.shield(task), timeout)` of a task kept in
    /// a variable: the task goes on past the deadline, as the shield
    /// keeps the cancellation from it; its handle is then shared, read
    /// again after the timed wait (see `rust::shared_handle`).
    fn shielded_wait(
        &self,
        sc: &Scope,
        aw: &py::Expr,
        timeout: &py::Expr,
        into: Option<String>,
        raise: &[Stmt],
    ) -> Result<Option<StmtKind>> {
        let E::Call(g, args) = &aw.kind else {
            return Ok(None);
        };
        let [Arg::Positional(t)] = args.as_slice() else {
            return Ok(None);
        };
        let Some(task) = local_name(t) else {
            return Ok(None);
        };
        if !self.is_member(g, Module::Asyncio, "shield")
            || !sc.tasks.iter().any(|k| k == task)
            || sc.task_loops.iter().any(|k| k == task)
        {
            return Ok(None);
        }
        sc.after_timed_wait(task, &t.span, "asyncio.wait_for(asyncio.shield(...))")?;
        let task = Expr {
            kind: ExprKind::Var(sc.local(task, &t.span)?),
            span: t.span.clone(),
        };
        Ok(Some(StmtKind::TimedWait {
            task,
            timeout: self.expr(sc, timeout)?,
            into,
            on_timeout: raise.to_vec(),
            abort: false,
        }))
    }
}

/// Whether `v` is a literal or a local variable: a value the sleep cannot
/// change, read after it as before.
fn settled(v: &py::Expr) -> bool {
    matches!(v.kind, E::Literal(_) | E::Name(Name::Local(..)))
}

/// The value of a number literal.
fn number(e: &py::Expr) -> Option<f64> {
    match e.kind {
        E::Literal(Literal::Int(i)) => Some(i as f64),
        E::Literal(Literal::Float(f)) => Some(f),
        _ => None,
    }
}
