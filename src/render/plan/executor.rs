//! Executors: a plain function run on a pool's worker
//! (`loop.run_in_executor`, `asyncio.to_thread`), the `with` that makes
//! the pool, and a plain function called on the event loop's thread.

use super::scope::Scope;
use super::stmt::{Step, local_name, one};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, Name, WithItem};
use crate::render::plan::ir::ast::{Call, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

impl Planner<'_> {
    /// The plain function `name` of the program, if it is one.
    pub(super) fn blocking_def<'e>(&self, e: &'e py::Expr) -> Option<(&'e str, super::Def<'_>)> {
        let E::Name(Name::Global(name)) = &e.kind else {
            return None;
        };
        let def = *self.defs.get(&**name)?;
        (def.kind == Some(FunctionKind::Blocking)).then_some((&**name, def))
    }

    /// The call a job runs: `loop.run_in_executor(pool, f, *args)` (the
    /// pool a `with` of this scope made, or `None`) or
    /// `asyncio.to_thread(f, *args)`, with `f` a plain function.
    pub(super) fn executor_job(&self, sc: &Scope, e: &py::Expr) -> Result<Option<Job>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let to_thread = self.is_member(f, Module::Asyncio, "to_thread");
        let mut named_pool = None;
        let rest = if to_thread {
            args.as_slice()
        } else if let E::Attr(obj, m) = &f.kind
            && &**m == "run_in_executor"
            && (self.is_member_call(obj, "get_running_loop")
                || local_name(obj).is_some_and(|l| sc.loops.iter().any(|x| x == l)))
        {
            let pool = match args.first() {
                Some(Arg::Positional(p)) => p,
                _ => return refuse(&e.span, "this `run_in_executor`", POOL),
            };
            let known = matches!(&pool.kind, E::Literal(Literal::None))
                || local_name(pool).is_some_and(|p| sc.pools.iter().any(|x| x == p));
            if !known {
                return refuse(&pool.span, "this executor", POOL);
            }
            named_pool = local_name(pool).map(str::to_string);
            &args[1..]
        } else {
            return Ok(None);
        };
        self.job_call(sc, e, rest, to_thread, named_pool).map(Some)
    }

    /// The job of `e`, whose function and arguments are `rest`: `f` a
    /// plain function of the program and its positional arguments.
    pub(super) fn job_call(
        &self,
        sc: &Scope,
        e: &py::Expr,
        rest: &[Arg],
        to_thread: bool,
        named_pool: Option<String>,
    ) -> Result<Job> {
        let func = match rest.first() {
            Some(Arg::Positional(func)) => self.blocking_def(func),
            _ => None,
        };
        let Some((name, def)) = func else {
            return refuse(
                &e.span,
                "this executor job",
                "the Rust listing runs a plain function of the program on a blocking thread: \
                 pass the function and its positional arguments (`run_in_executor(pool, f, x)`, \
                 `to_thread(f, x)`)",
            );
        };
        let call = Call {
            name: name.to_string(),
            args: self.args_of(sc, name, def, &rest[1..], &e.span)?,
            span: e.span.clone(),
        };
        for (i, arg) in call.args.iter().enumerate() {
            self.check_arg(&call, i, arg)?;
            if self.resolves(&call.name, i) {
                return refuse(
                    &arg.span,
                    "a future resolved by an executor's job",
                    "the Rust listing resolves a future inside the event loop's tasks",
                );
            }
        }
        let call = self.loop_args(sc, &def, call)?;
        Ok(Job {
            call,
            to_thread,
            pool: named_pool,
        })
    }

    /// `loop.run_in_executor(pool, f, *args)` as a value: its task's handle.
    pub(super) fn executor_job_value(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let Some(job) = self.executor_job(sc, e)? else {
            return Ok(None);
        };
        if job.to_thread {
            return refuse(
                &e.span,
                "an `asyncio.to_thread` not awaited at once",
                "it is a coroutine that starts its job only when awaited: the Rust listing \
                 translates `await asyncio.to_thread(f, ...)`, or `loop.run_in_executor`, \
                 whose job starts at once",
            );
        }
        Ok(Some(ExprKind::Job(job.call, job.pool)))
    }

    /// `f(...)` with `f` a plain function of the program.
    pub(super) fn blocking_call(&self, sc: &mut Scope, e: &py::Expr) -> Result<Option<Call>> {
        match &e.kind {
            E::Call(f, args) => match self.blocking_def(f) {
                Some((name, def)) => self.call_of(sc, name, def, args, &e.span).map(Some),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Whether `e` makes a thread pool (`Some(false)`) or a process pool
    /// (`Some(true)`): `ThreadPoolExecutor(...)`, `concurrent.futures.ProcessPoolExecutor(...)`.
    pub(super) fn pool_kind<'e>(&self, e: &'e py::Expr) -> Option<(bool, &'e [Arg])> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        for (class, process) in [("ThreadPoolExecutor", false), ("ProcessPoolExecutor", true)] {
            let dotted = matches!(&f.kind, E::Attr(obj, m)
                if &**m == class && self.member(obj) == Some((Module::Concurrent, "futures")));
            if dotted || self.is_member(f, Module::Futures, class) {
                return Some((process, args));
            }
        }
        None
    }

    /// `with ThreadPoolExecutor(...) as pool: body` (or a process pool).
    pub(super) fn pool_with(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        item: &WithItem,
        body: &[py::Stmt],
    ) -> Result<Option<Step>> {
        let Some((process, args)) = self.pool_kind(&item.context) else {
            return Ok(None);
        };
        if !args
            .iter()
            .all(|a| matches!(a, Arg::Keyword(k, _) if &**k == "max_workers"))
        {
            return refuse(
                &item.context.span,
                "these executor arguments",
                "the Rust listing's jobs run on Tokio's blocking pool, which takes no such \
                 arguments: give the executor `max_workers=` at most",
            );
        }
        let workers = match args {
            [Arg::Keyword(_, n)] => Some(self.expr(sc, n)?),
            _ => None,
        };
        let Some(py::Target::Name(Name::Local(_, var) | Name::Cell(_, var))) = &item.target else {
            return refuse(
                &item.context.span,
                "an executor without `as`",
                "the Rust listing names the pool its jobs run on: write `with ... as pool:`",
            );
        };
        if let Some(exit) = leaves_early(body, false) {
            return refuse(
                &exit.span,
                format!("`{}` out of a pool's `with` block", self.text(&exit.span)),
                "leaving the block shuts the pool down, waiting for its jobs, however the block \
                 is left; the Rust listing waits for them where the block ends: leave the block \
                 at its end",
            );
        }
        sc.pools.push(var.to_string());
        let body = self.block(sc, body);
        sc.pools.pop();
        sc.closed_pools.push(var.to_string());
        let body = body?;
        let name = var.to_string();
        let pool = StmtKind::Pool {
            process,
            name,
            workers,
            body,
        };
        one(s, pool).map(Some)
    }
}

/// A job for an executor: the plain function's call, the pool it runs on
/// (`None`: the default executor), and whether `asyncio.to_thread` made it
/// (it starts the job only when awaited).
/// The first statement of `body` that leaves it before its end: a
/// `return`, or (`in_loop`: not inside a loop of `body`) a `break` or
/// `continue`; functions defined inside are not searched.
fn leaves_early(body: &[py::Stmt], in_loop: bool) -> Option<&py::Stmt> {
    body.iter().find_map(|s| match &s.kind {
        py::StmtKind::Return(_) => Some(s),
        py::StmtKind::Break | py::StmtKind::Continue if !in_loop => Some(s),
        py::StmtKind::Def { .. } | py::StmtKind::Class { .. } => None,
        py::StmtKind::For { .. } | py::StmtKind::While { .. } => py::blocks(s)
            .into_iter()
            .enumerate()
            // The first block is the loop's body; `else` is outside it.
            .find_map(|(i, b)| leaves_early(b, in_loop || i == 0)),
        _ => py::blocks(s)
            .into_iter()
            .find_map(|b| leaves_early(b, in_loop)),
    })
}

pub(super) struct Job {
    pub(super) call: Call,
    pub(super) to_thread: bool,
    pub(super) pool: Option<String>,
}

const POOL: &str = "the Rust listing runs a job on an executor made by `with ThreadPoolExecutor(...) \
                    as pool:` (or `ProcessPoolExecutor`) in the same function, or on the default \
                    executor (`None`)";
