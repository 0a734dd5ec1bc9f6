//! `asyncio.gather(a, b, ...)` of awaitables of different kinds, written one
//! by one: calls of the program's coroutines, tasks kept in variables,
//! `asyncio.sleep(d, result=v)` and executor jobs (`asyncio.to_thread(f,
//! ...)`, `loop.run_in_executor(pool, f, ...)`). The Rust listing joins them as one
//! `tokio::join!`, each task awaited through `&mut` so that its handle stays
//! readable, and its output kept for the reads after the gather.

use super::scope::Scope;
use super::stmt::local_name;
use super::task_state::words;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module};
use crate::render::plan::ir::expr::{Expr, ExprKind};

const SHAPE: &str = "the Rust listing joins calls of the program's coroutines, tasks kept in a \
                     variable of the same function, executor jobs and `asyncio.sleep(d, result=v)` \
                     of literal arguments, each task gathered before anything else awaits it or reads its \
                     result, and never cancelled";

impl Planner<'_> {
    /// The list gathered by `asyncio.gather(args)` when it mixes tasks kept
    /// in variables or sleeps with a result with each other or with calls
    /// of coroutines; `None` for other gathers.
    pub(super) fn gather_mixed(
        &self,
        sc: &Scope,
        e: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<Expr>> {
        let is_task = |x: &py::Expr| local_name(x).is_some_and(|n| sc.tasks.iter().any(|t| t == n));
        let is_sleep = |x: &py::Expr| matches!(&x.kind, E::Call(f, _) if self.is_member(f, Module::Asyncio, "sleep"));
        let positional: Vec<&py::Expr> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Positional(x) => Some(x),
                _ => None,
            })
            .collect();
        let is_job = |x: &py::Expr| match &x.kind {
            E::Call(f, _) => {
                self.is_member(f, Module::Asyncio, "to_thread")
                    || matches!(&f.kind, E::Attr(_, m) if &**m == "run_in_executor")
            }
            _ => false,
        };
        let to_thread = |x: &py::Expr| matches!(&x.kind, E::Call(f, _) if self.is_member(f, Module::Asyncio, "to_thread"));
        let tasks = positional.iter().filter(|x| is_task(x)).count();
        let sleeps = positional
            .iter()
            .filter(|x| is_sleep(x) || to_thread(x))
            .count();
        let jobs = positional.iter().filter(|x| is_job(x)).count();
        let calls =
            positional.len() - tasks - jobs - positional.iter().filter(|x| is_sleep(x)).count();
        // Calls alone are the gathers of `gathered`; tasks and the jobs of
        // `run_in_executor` alone, those of `gather_value`.
        let theirs = calls == positional.len() || (calls == 0 && sleeps == 0);
        if positional.len() != args.len() || theirs {
            return Ok(None);
        }
        let mut items = Vec::new();
        let mut seen = Vec::new();
        for x in positional {
            let kind = if is_task(x) {
                let name = local_name(x).unwrap_or_default();
                if seen.contains(&name) {
                    return refuse(
                        &x.span,
                        format!("the task `{name}` gathered twice"),
                        "asyncio gives one task's result in each place; a `JoinHandle` is \
                         awaited through one `&mut` at a time: gather it once and copy its result",
                    );
                }
                seen.push(name);
                self.gathered_task(sc, e, x, name)?;
                self.mixed_gathered.borrow_mut().insert(x.span.start);
                ExprKind::Var(sc.local(name, &x.span)?)
            } else if is_sleep(x) {
                self.gathered_sleep(sc, x)?
            } else if let Some(job) = self.executor_job(sc, x)? {
                ExprKind::Job(job.call, job.pool)
            } else {
                match &x.kind {
                    E::Call(f, call_args) => match self.coroutine_call(sc, x, f, call_args)? {
                        Some(call) => ExprKind::Coro(call),
                        None => return refuse(&x.span, "`asyncio.gather` of this", SHAPE),
                    },
                    _ => return refuse(&x.span, "`asyncio.gather` of this", SHAPE),
                }
            };
            items.push(Expr {
                kind,
                span: x.span.clone(),
            });
        }
        Ok(Some(Expr {
            kind: ExprKind::List(items),
            span: e.span.clone(),
        }))
    }

    /// Refuses a task whose handle the gather cannot await: one created in
    /// an outer loop, cancelled, or awaited (or its result read) before.
    fn gathered_task(&self, sc: &Scope, gather: &py::Expr, x: &py::Expr, task: &str) -> Result<()> {
        let source = &self.program.source;
        let before_gather = &source[..gather.span.start.min(source.len())];
        let read_before = words(before_gather, task).any(|(before, after)| {
            before.trim_end().ends_with("await") || after.starts_with(".result(")
        });
        let cancelled = words(source, task).any(|(_, after)| after.starts_with(".cancel("));
        let again = sc.depth > sc.task_depths.get(task).copied().unwrap_or(0);
        if read_before || cancelled || again || !same_block(before_gather, task) {
            return refuse(&x.span, format!("the task `{task}` gathered here"), SHAPE);
        }
        Ok(())
    }

    /// `asyncio.sleep(d, result=v)` of literal arguments, gathered.
    fn gathered_sleep(&self, sc: &Scope, x: &py::Expr) -> Result<ExprKind> {
        let E::Call(_, args) = &x.kind else {
            return refuse(&x.span, "`asyncio.gather` of this", SHAPE);
        };
        let (delay, value) = match args.as_slice() {
            [Arg::Positional(d), Arg::Positional(v)] => (d, v),
            [Arg::Positional(d), Arg::Keyword(k, v)] if &**k == "result" => (d, v),
            _ => {
                return refuse(
                    &x.span,
                    "a gathered `asyncio.sleep` without `result=`",
                    SHAPE,
                );
            }
        };
        for part in [delay, value] {
            if !super::gather_sleeps::pure(part, &[]) {
                return refuse(
                    &part.span,
                    "this argument of a gathered `asyncio.sleep`",
                    SHAPE,
                );
            }
        }
        Ok(ExprKind::Slept(
            Box::new(self.expr(sc, delay)?),
            Box::new(self.expr(sc, value)?),
        ))
    }
}

/// Whether the gather that `before` leads up to stands in the block where
/// `task` was last bound: no line between them is indented less than the
/// binding's, and the gather's line is indented as much (the output it
/// keeps is then in scope for every read after).
fn same_block(before: &str, task: &str) -> bool {
    let indent = |line: &str| line.len() - line.trim_start().len();
    let Some(bound) = words(before, task)
        .filter(|(_, after)| {
            let after = after.trim_start();
            after.starts_with('=') && !after.starts_with("==")
        })
        .map(|(head, _)| head.len())
        .last()
    else {
        return false;
    };
    let line_start = before[..bound].rfind('\n').map_or(0, |i| i + 1);
    let level = indent(&before[line_start..]);
    let gather_line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    before[line_start..]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .all(|l| indent(l) >= level)
        && indent(gather_line) == level
}
