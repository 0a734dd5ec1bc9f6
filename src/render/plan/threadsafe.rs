//! `asyncio.run_coroutine_threadsafe(f(...), loop)` in a plain function run
//! only as an executor's job, given the event loop as an argument:
//! `future = asyncio.run_coroutine_threadsafe(...)` then `future.result()`,
//! or `asyncio.run_coroutine_threadsafe(...).result()` at once. The job is
//! a stand-in coroutine in the Rust listing (see `plan::jobs`): the
//! coroutine is a task it spawns, and `result()` awaits the task's output.
//! `future.result(timeout=t)` waits under Tokio's `timeout`, its
//! `TimeoutError` an `Err` the job passes on or catches, while the task goes
//! on; `future.done()` asks the handle; `repr(future.exception())` reads the
//! `Err` the task gave; a second future of the same coroutine may be set in
//! the variable. A future read with a timeout and again is a shared handle
//! (see `render::rust`).

use super::scope::Scope;
use super::stmt::{local_name, method_call};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module};
use crate::render::plan::ir::ast::{Call, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

const THREADSAFE: &str = "the Rust listing translates `asyncio.run_coroutine_threadsafe(f(...), \
                          loop)` of a coroutine of the program, in a plain function run only as \
                          an executor's job and given the running loop: kept as `future = ...` \
                          then waited for with `future.result()`, or `....result()` at once";

impl Planner<'_> {
    /// `asyncio.run_coroutine_threadsafe(f(...), loop)` in a job given
    /// `loop` (or, `kept` in a variable, in a coroutine on the running
    /// loop, see `plan::threadsafe_loop`): the call of `f`; `None` when `e`
    /// is not that call.
    fn threadsafe_call(&self, sc: &Scope, e: &py::Expr, kept: bool) -> Result<Option<Call>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "run_coroutine_threadsafe") {
            return Ok(None);
        }
        let in_job = sc.kind == FunctionKind::Blocking
            && sc
                .loop_owner
                .as_deref()
                .is_some_and(|name| self.handed_to_executor(name) && !self.called_directly(name));
        let (coro, lp) = match args.as_slice() {
            [Arg::Positional(c), Arg::Positional(l)] => (c, l),
            _ => {
                return refuse(
                    &e.span,
                    "this `asyncio.run_coroutine_threadsafe`",
                    THREADSAFE,
                );
            }
        };
        let given = local_name(lp).is_some_and(|l| sc.loops.iter().any(|x| x == l));
        let on_loop = sc.kind == FunctionKind::Coroutine && kept && given;
        if sc.kind == FunctionKind::Coroutine && !on_loop {
            return refuse(
                &e.span,
                "`asyncio.run_coroutine_threadsafe` on the loop's own thread",
                "asyncio hands the coroutine to the loop as a callback that makes its task, so \
                 it starts a step later than a task made after it, and its `result()` would \
                 block the loop that runs it: await the coroutine, make it a task with \
                 `asyncio.create_task`, or keep the future in a variable and await \
                 `asyncio.wrap_future(future)`",
            );
        }
        if !on_loop && (!in_job || !given) {
            return refuse(
                &e.span,
                "this `asyncio.run_coroutine_threadsafe`",
                THREADSAFE,
            );
        }
        let E::Call(g, g_args) = &coro.kind else {
            return refuse(&coro.span, "running this on the loop", THREADSAFE);
        };
        match self.coroutine_call(sc, coro, g, g_args)? {
            Some(call) => Ok(Some(call)),
            None => refuse(&coro.span, "running this on the loop", THREADSAFE),
        }
    }

    /// `future = asyncio.run_coroutine_threadsafe(f(...), loop)`: a task.
    pub(super) fn threadsafe_spawn(
        &self,
        sc: &mut Scope,
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        let Some(call) = self.threadsafe_call(sc, value, true)? else {
            return Ok(None);
        };
        if sc.kind == FunctionKind::Coroutine {
            self.late_spawns.borrow_mut().insert(self.current.get());
        }
        // A second future in the same variable is a new handle set in its
        // place: of a task of the same coroutine (a `JoinHandle`'s type
        // names its task's output), outside any loop (where a turn would
        // read the last turn's handle).
        // Each of them is then read at most once: a handle gives its
        // output once.
        let rebound = match sc.threadsafe_of.borrow().get(var) {
            Some(first) if first.coroutine != call.name || sc.depth > 0 || first.reads > 1 => {
                return refuse(
                    &value.span,
                    format!("a second future kept in `{var}`"),
                    "the Rust listing sets a new task's handle in the variable of another when \
                     both tasks run the same coroutine, outside loops, and each is read once: \
                     the handle's type names its task's output, which it gives once; keep this \
                     future in a variable of its own",
                );
            }
            Some(_) => true,
            None => false,
        };
        if !rebound {
            sc.threadsafe.push(var.to_string());
        }
        let kept = Kept {
            coroutine: call.name.clone(),
            rebound,
            reads: 0,
        };
        sc.threadsafe_of.borrow_mut().insert(var.to_string(), kept);
        Ok(Some(StmtKind::Spawn {
            call,
            into: var.to_string(),
        }))
    }

    /// `future.result()` (or `asyncio.run_coroutine_threadsafe(...).result()`)
    /// as a statement: the task (or the coroutine) awaited for its end.
    pub(super) fn threadsafe_stmt(&self, sc: &Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        if let Some(k) = self.threadsafe_cancel_stmt(sc, e)? {
            return Ok(Some(k));
        }
        if let Some(k) = self.threadsafe_timed(sc, e, None)? {
            return Ok(Some(k));
        }
        Ok(match self.threadsafe_result(sc, e)? {
            Some(ExprKind::Join(target)) => Some(StmtKind::Join { target, into: None }),
            Some(ExprKind::Await(call)) => Some(StmtKind::Await { call, into: None }),
            _ => None,
        })
    }

    /// `future.result()` of such a future, or
    /// `asyncio.run_coroutine_threadsafe(f(...), loop).result()`: the
    /// task's output, awaited; `None` for other expressions.
    pub(super) fn threadsafe_result(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let Some(running) = self.job_future_running(sc, e) {
            return Ok(Some(running));
        }
        if let Some((future, _)) = timed_result(e)
            && local_name(future).is_some_and(|f| sc.threadsafe.iter().any(|x| x == f))
        {
            return refuse(
                &e.span,
                "`future.result(timeout=...)` inside an expression",
                "the Rust listing waits for a future with a timeout as a statement of its own: \
                 `value = future.result(timeout=...)`",
            );
        }
        let Some(obj) = method_call(e, "result") else {
            return Ok(None);
        };
        if let Some(future) = local_name(obj)
            && sc.threadsafe.iter().any(|f| f == future)
        {
            self.read_after_cancel(future, &e.span)?;
            self.blocking_read(sc, future, &e.span)?;
            read(sc, future, &e.span)?;
            return Ok(Some(ExprKind::Join(sc.local(future, &obj.span)?)));
        }
        Ok(self.threadsafe_call(sc, obj, false)?.map(ExprKind::Await))
    }
}

impl Planner<'_> {
    /// Refuses `var = value` where `var` keeps a future and `value` is no
    /// other future of `asyncio.run_coroutine_threadsafe`: the variable is
    /// the handle's.
    pub(super) fn threadsafe_overwrite(
        &self,
        sc: &Scope,
        var: &str,
        value: &py::Expr,
    ) -> Result<()> {
        let future = matches!(&value.kind, E::Call(f, _)
            if self.is_member(f, Module::Asyncio, "run_coroutine_threadsafe"));
        if future || !sc.threadsafe.iter().any(|f| f == var) {
            return Ok(());
        }
        refuse(
            &value.span,
            format!("another value set in `{var}`"),
            "the Rust listing keeps a future's handle in its variable: give the other value \
             a name of its own",
        )
    }

    /// Whether `body` starts with `[x =] future.result(timeout=t)` of a
    /// future kept here: a `try` around it catches the `TimeoutError` it
    /// raises as any exception of the listing's `Error`.
    pub(super) fn threadsafe_timed_first(&self, sc: &Scope, body: &[py::Stmt]) -> bool {
        let value = match body.first().map(|s| &s.kind) {
            Some(py::StmtKind::Expr(e)) => e,
            Some(py::StmtKind::Assign { value, .. }) => value,
            _ => return false,
        };
        let timed = timed_result(value).or_else(|| self.job_future_timed(sc, value));
        timed.is_some_and(|(obj, _)| {
            local_name(obj).is_some_and(|f| sc.threadsafe.iter().any(|x| x == f))
        })
    }

    /// Whether `e` names `TimeoutError`, or `concurrent.futures.TimeoutError`,
    /// which is the built-in one.
    pub(super) fn futures_timeout(&self, e: &py::Expr) -> bool {
        if matches!(&e.kind, E::Name(py::Name::Global(n))
            if &**n == "TimeoutError" && !self.defs.contains_key(&**n))
        {
            return true;
        }
        let dotted = matches!(&e.kind, E::Attr(obj, m)
            if &**m == "TimeoutError" && self.member(obj) == Some((Module::Concurrent, "futures")));
        dotted || self.is_member(e, Module::Futures, "TimeoutError")
    }

    /// `[into =] future.result(timeout=t)` (or `future.result(t)`) of a
    /// future kept here: Tokio's `timeout` over the borrowed handle, which
    /// lets `TimeoutError` go on up at the deadline while the task goes on,
    /// as the coroutine on the loop does; `None` for other expressions.
    pub(super) fn threadsafe_timed(
        &self,
        sc: &Scope,
        e: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let Some((obj, timeout)) = timed_result(e).or_else(|| self.job_future_timed(sc, e)) else {
            return Ok(None);
        };
        let Some(future) = local_name(obj).filter(|f| sc.threadsafe.iter().any(|x| x == f)) else {
            return Ok(None);
        };
        if matches!(timeout.kind, E::Literal(Literal::None)) {
            return refuse(
                &timeout.span,
                "a timeout of `None`",
                "the Rust listing waits without a timeout as `future.result()`",
            );
        }
        self.read_after_cancel(future, &e.span)?;
        self.blocking_read(sc, future, &e.span)?;
        read(sc, future, &e.span)?;
        let raise = vec![Stmt {
            id: self.current.get(),
            span: e.span.clone(),
            kind: StmtKind::Raise {
                class: "TimeoutError".into(),
                message: None,
            },
        }];
        Ok(Some(StmtKind::TimedWait {
            task: Expr {
                kind: ExprKind::Var(sc.local(future, &obj.span)?),
                span: obj.span.clone(),
            },
            timeout: self.expr(sc, timeout)?,
            into,
            on_timeout: raise,
            abort: false,
        }))
    }
}

/// `obj.result(timeout=t)` or `obj.result(t)`: `obj` and `t`.
pub(super) fn timed_result(e: &py::Expr) -> Option<(&py::Expr, &py::Expr)> {
    let E::Call(f, args) = &e.kind else {
        return None;
    };
    let E::Attr(obj, m) = &f.kind else {
        return None;
    };
    match args.as_slice() {
        [Arg::Positional(t)] if &**m == "result" => Some((obj, t)),
        [Arg::Keyword(k, t)] if &**m == "result" && &**k == "timeout" => Some((obj, t)),
        _ => None,
    }
}

/// What a function did so far with a future of
/// `asyncio.run_coroutine_threadsafe` it keeps in a variable.
#[derive(Clone, Debug)]
pub(super) struct Kept {
    /// The coroutine its task runs.
    coroutine: String,
    /// Whether the variable held another future before.
    rebound: bool,
    /// How many times `result` read it.
    reads: u32,
}

impl Kept {
    /// The coroutine its task runs.
    pub(super) fn coroutine(&self) -> &str {
        &self.coroutine
    }
}

/// Notes a read of `future`'s result, refused as a second read of a
/// variable that held another future: the listing keeps the output of a
/// handle read more than once (`render::rust` shares a handle read with a
/// timeout and again), and a variable of two handles has no one output.
pub(super) fn read(sc: &Scope, future: &str, span: &std::ops::Range<usize>) -> Result<()> {
    let mut all = sc.threadsafe_of.borrow_mut();
    let Some(kept) = all.get_mut(future) else {
        return Ok(());
    };
    if kept.rebound && kept.reads > 0 {
        return refuse(
            span,
            format!("a second read of `{future}.result(...)`"),
            "a `JoinHandle` gives its task's output once, and the Rust listing keeps it for \
             later reads only where its variable holds no other future: keep the value the \
             first read gave",
        );
    }
    kept.reads += 1;
    Ok(())
}

impl Planner<'_> {
    /// `repr(future.exception())` of a future kept here: the `repr` of the
    /// exception its coroutine raised, or `None`, once it is done. Another
    /// use of `future.exception()` is refused; `None` for other calls.
    pub(super) fn threadsafe_exception(
        &self,
        sc: &Scope,
        e: &py::Expr,
    ) -> Result<Option<ExprKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let inner = match args.as_slice() {
            [Arg::Positional(x)]
                if matches!(&f.kind, E::Name(py::Name::Global(n))
                if &**n == "repr" && !self.defs.contains_key("repr")) =>
            {
                x
            }
            _ => e,
        };
        let E::Call(g, g_args) = &inner.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &g.kind else {
            return Ok(None);
        };
        let Some(future) = local_name(obj).filter(|v| sc.threadsafe.iter().any(|x| x == v)) else {
            return Ok(None);
        };
        if &**m != "exception" {
            return Ok(None);
        }
        if !g_args.is_empty() || std::ptr::eq(inner, e) {
            return refuse(
                &inner.span,
                format!("this `{future}.exception(...)`"),
                "the Rust listing writes `repr(future.exception())`, without a timeout: the \
                 `repr` of the `Err` the task gave, or `None`",
            );
        }
        self.read_after_cancel(future, &inner.span)?;
        self.blocking_read(sc, future, &inner.span)?;
        read(sc, future, &inner.span)?;
        Ok(Some(ExprKind::Task(
            crate::render::plan::ir::expr::TaskOp::ExceptionRepr,
            sc.local(future, &obj.span)?,
        )))
    }
}
