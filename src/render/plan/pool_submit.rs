//! `future = pool.submit(f, *args)` of a pool of a `with`, in a coroutine:
//! the job handed to the pool at once, as `loop.run_in_executor(pool, f,
//! *args)` hands it, its handle a `JoinHandle` of the pool's task. `await
//! asyncio.wrap_future(future)` awaits the handle (and `await
//! asyncio.wrap_future(pool.submit(f, x))` runs the job as `await
//! loop.run_in_executor(pool, f, x)` does), `future.done()` asks whether the
//! task has finished, and `future.result()`, which blocks the event loop
//! until the job ends, awaits the handle where no other task of the loop
//! could run meanwhile. The concurrent future's other methods are refused:
//! `cancel()` stops only a job no worker has taken, `running()` tells
//! whether one has, where the handle of a task waiting for a permit of
//! the pool says neither.

use super::executor::Job;
use super::pool_calls::pool_method;
use super::scope::Scope;
use super::stmt::{local_name, method_call};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, StmtKind as P, Target};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use crate::render::plan::ir::expr::ExprKind;
use std::ops::Range;

/// How many statements of `body` (and of the blocks inside it) bind
/// `var`.
fn bindings(body: &[py::Stmt], var: &str) -> usize {
    fn names(t: &Target, var: &str) -> bool {
        match t {
            Target::Name(n) => &**n.ident() == var,
            Target::Unpack(ts, _) => ts.iter().any(|t| names(t, var)),
            _ => false,
        }
    }
    let mut n = 0;
    py::walk(body, &mut |s| {
        let binds = match &s.kind {
            P::Assign { targets, .. } => targets.iter().any(|t| names(t, var)),
            P::AugAssign { target, .. } | P::For { target, .. } => names(target, var),
            P::With { item, .. } => item.target.as_ref().is_some_and(|t| names(t, var)),
            _ => false,
        };
        n += usize::from(binds);
    });
    n
}

/// The variable `x` names when it keeps a submitted job's future.
fn submitted<'e>(sc: &Scope, x: &'e py::Expr) -> Option<&'e str> {
    local_name(x).filter(|v| sc.submitted.iter().any(|(s, _)| s == v))
}

/// Why a method of a submitted job's future other than `done()`,
/// `result()` and `asyncio.wrap_future` is refused.
const OTHER_METHODS: &str = "the Rust listing keeps a submitted job as its task's `JoinHandle`, \
     which tells whether the job has finished and gives its value, but not whether a worker has \
     taken it: it translates `future.done()`, `future.result()` and `await \
     asyncio.wrap_future(future)`";

impl Planner<'_> {
    /// `pool.submit(f, *args)` of a pool of a `with` of this coroutine:
    /// the job it hands the pool; `None` for other expressions.
    pub(super) fn submit_job(&self, sc: &Scope, e: &py::Expr) -> Result<Option<Job>> {
        let Some((m, pool, args)) = pool_method(sc, e) else {
            return Ok(None);
        };
        if m != "submit" || sc.kind != FunctionKind::Coroutine {
            return Ok(None);
        }
        self.job_call(sc, e, args, false, Some(pool.to_string()))
            .map(Some)
    }

    /// `var = pool.submit(f, *args)`: the job handed to the pool, its
    /// handle kept in `var`; `None` for other values.
    pub(super) fn kept_submit(
        &self,
        sc: &mut Scope,
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let Some(job) = self.submit_job(sc, value)? else {
            return Ok(None);
        };
        let bindings = self
            .body_around(value.span.start)
            .map_or(0, |b| bindings(b, var));
        if bindings > 1 {
            return refuse(
                &value.span,
                format!("a job's future kept in `{var}`, which is bound again"),
                "the Rust listing keeps a submitted job's handle in its variable, a type of its \
                 own: give each job and each other value a name of its own",
            );
        }
        sc.jobs.push(var.to_string());
        sc.submitted.push((var.to_string(), sc.depth));
        Ok(Some(StmtKind::Submit {
            call: job.call,
            into: var.to_string(),
            pool: job.pool,
        }))
    }

    /// `asyncio.wrap_future(pool.submit(f, *args))`, awaited: the job, run
    /// as `loop.run_in_executor(pool, f, *args)` runs it; `None` for other
    /// awaits.
    pub(super) fn wrapped_submit(&self, sc: &Scope, inner: &py::Expr) -> Result<Option<Job>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "wrap_future") {
            return Ok(None);
        }
        match args.as_slice() {
            [Arg::Positional(x)] => self.submit_job(sc, x),
            _ => Ok(None),
        }
    }

    /// The variable of `asyncio.wrap_future(future)`'s argument when it
    /// keeps a submitted job.
    pub(super) fn wrapped_submitted<'e>(
        &self,
        sc: &Scope,
        x: &'e py::Expr,
        at: &Range<usize>,
    ) -> Result<Option<&'e str>> {
        let Some(future) = submitted(sc, x) else {
            return Ok(None);
        };
        self.read_once(sc, future, at)?;
        Ok(Some(future))
    }

    /// Refuses the read of `future`'s value at `at` where the function
    /// reads it more than once, or in a loop it was not made in: the
    /// handle gives its task's output once.
    fn read_once(&self, sc: &Scope, future: &str, at: &Range<usize>) -> Result<()> {
        let made_at = sc
            .submitted
            .iter()
            .rev()
            .find(|(v, _)| v == future)
            .map_or(0, |(_, d)| *d);
        let body = self
            .body_around(at.start)
            .and_then(|b| Some(b.first()?.span.start..b.last()?.span.end))
            .and_then(|r| self.program.source.get(r))
            .unwrap_or_default();
        let reads = [
            format!("{future}.result("),
            format!("wrap_future({future})"),
        ]
        .iter()
        .map(|r| {
            body.match_indices(r.as_str())
                .filter(|(i, _)| !body[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
                .count()
        })
        .sum::<usize>();
        if reads > 1 || sc.depth > made_at {
            return refuse(
                at,
                format!("a read of `{future}` that may come again"),
                "a `JoinHandle` gives its task's output once, where a concurrent future gives \
                 its result to every read: the Rust listing reads a submitted job's value once, \
                 outside loops it was not made in; keep the value in a variable",
            );
        }
        Ok(())
    }

    /// A method of a submitted job's future kept here, inside an
    /// expression: `done()` and `result()` (awaited), the others refused;
    /// `None` for other expressions.
    pub(super) fn submitted_read(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(future) = submitted(sc, obj) else {
            return Ok(None);
        };
        let construct = || format!("the call `{}`", self.text(&e.span));
        match (&**m, args.is_empty()) {
            ("done", true) => Ok(Some(ExprKind::Done(sc.local(future, &obj.span)?))),
            ("result", true) => {
                self.loop_blocked(e)?;
                self.read_once(sc, future, &e.span)?;
                Ok(Some(ExprKind::Join(sc.local(future, &obj.span)?)))
            }
            ("result", false) => refuse(
                &e.span,
                construct(),
                "the Rust listing waits for a submitted job without a timeout: \
                 `future.result()`",
            ),
            _ => refuse(&e.span, construct(), OTHER_METHODS),
        }
    }

    /// Refuses `await future` of a submitted job's future kept here: a
    /// concurrent future is no awaitable, and Python raises `TypeError`.
    pub(super) fn submitted_not_awaitable(&self, sc: &Scope, inner: &py::Expr) -> Result<()> {
        let Some(future) = submitted(sc, inner) else {
            return Ok(());
        };
        refuse(
            &inner.span,
            format!("`await {future}` of a concurrent future"),
            "a concurrent future cannot be awaited: Python raises `TypeError`; await \
             `asyncio.wrap_future(future)`",
        )
    }

    /// `future.result()` of a submitted job's future kept here, as a
    /// statement: its task awaited; `None` for other statements.
    pub(super) fn submitted_stmt(&self, sc: &Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        if method_call(e, "result").is_none() {
            return Ok(None);
        }
        Ok(match self.submitted_read(sc, e)? {
            Some(ExprKind::Join(target)) => Some(StmtKind::Join { target, into: None }),
            _ => None,
        })
    }

    /// Refuses the blocking `result()` `e` in a program whose event loop
    /// runs other tasks, which Python's blocked loop holds back and the
    /// listing's await lets run.
    fn loop_blocked(&self, e: &py::Expr) -> Result<()> {
        let Some(other) = super::pool_map::OTHER_TASKS
            .iter()
            .find(|w| self.program.source.contains(*w))
        else {
            return Ok(());
        };
        refuse(
            &e.span,
            format!("the call `{}`", self.text(&e.span)),
            format!(
                "`result()` blocks the event loop until the job ends, holding back the loop's \
                 other tasks (this program makes them with `{}`), where the Rust listing awaits \
                 the job and lets them run: await it with `await asyncio.wrap_future(future)`",
                other.trim_end_matches('(')
            ),
        )
    }
}
