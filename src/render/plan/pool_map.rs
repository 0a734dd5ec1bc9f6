//! `pool.map(f, xs)` of a pool of a `with`, in a coroutine: its jobs are
//! handed to the pool at once, and read in order where the program reads
//! the results (a `for` head, `list(...)`), the first exception raised at
//! its item and the jobs no worker has taken then cancelled, as Python's
//! iterator does when it is dropped. `timeout=` is a deadline for the
//! whole read. Reading the results blocks the event loop in Python: the
//! listing awaits them instead, so `map` is refused where another task of
//! the loop could run meanwhile.

use super::pool_calls::pool_method;
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal};
use crate::render::plan::ir::ast::Call;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// What makes a second task of the event loop, which would run while the
/// reads of `map` block the loop.
pub(super) const OTHER_TASKS: &[&str] = &[
    "create_task",
    "ensure_future",
    "gather",
    "TaskGroup",
    "as_completed",
    "asyncio.wait(",
    "wait_for",
    "shield",
    "call_soon",
    "call_later",
    "call_at",
    "run_coroutine_threadsafe",
    "add_done_callback",
    "start_server",
];

/// Whether `value` is `list(pool.map(...))`, which waits for the jobs:
/// a statement of its own.
pub(super) fn waits_for_map(value: &Expr) -> bool {
    matches!(&value.kind, ExprKind::Call(Builtin::List, args)
        if matches!(args.as_slice(), [m] if matches!(m.kind, ExprKind::MapJobs(..))))
}

impl Planner<'_> {
    /// Whether `body` reads a pool's `map` with `timeout=`, whose
    /// `TimeoutError` an `except` takes as it takes an `Err`.
    pub(super) fn times_map(&self, body: &[py::Stmt]) -> bool {
        body.iter().any(|s| {
            let text = self.text(&s.span);
            text.contains(".map(") && text.contains("timeout=")
        })
    }

    /// Whether a line of the source hands `name` to a pool's `map`.
    pub(super) fn mapped_on_pool(&self, name: &str) -> bool {
        let call = format!(".map({name},");
        self.program.source.contains(&call)
    }

    /// `pool.map(f, xs, ..., timeout=t)` of a pool of a `with` of this
    /// scope and a plain function of the program, in a coroutine.
    pub(super) fn pool_map(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let Some((m, pool, args)) = pool_method(sc, e) else {
            return Ok(None);
        };
        if m != "map" {
            return Ok(None);
        }
        let construct = || format!("the call `{}`", self.text(&e.span));
        if let Some(other) = OTHER_TASKS
            .iter()
            .find(|w| self.program.source.contains(*w))
        {
            return refuse(
                &e.span,
                construct(),
                format!(
                    "reading the results of `map` blocks the event loop until each job ends; \
                     the Rust listing awaits them, which lets the loop's other tasks run (this \
                     program makes them with `{}`): run the jobs with `await \
                     asyncio.gather(*(loop.run_in_executor(pool, f, x) for x in xs))`",
                    other.trim_end_matches('(')
                ),
            );
        }
        let mut timeout = None;
        let mut positional = Vec::new();
        for a in args {
            match a {
                Arg::Positional(x) => positional.push(x),
                // `timeout=None`: no deadline.
                Arg::Keyword(k, t)
                    if &**k == "timeout" && matches!(t.kind, E::Literal(Literal::None)) => {}
                Arg::Keyword(k, t) if &**k == "timeout" && timeout.is_none() => {
                    timeout = Some(Box::new(self.expr(sc, t)?));
                }
                _ => {
                    return refuse(
                        &e.span,
                        construct(),
                        "the Rust listing hands `map` a plain function of the program and the \
                         lists of its arguments, with `timeout=` at most",
                    );
                }
            }
        }
        let Some((func, lists)) = positional.split_first() else {
            return refuse(
                &e.span,
                construct(),
                "`map` needs a function and its arguments",
            );
        };
        let def = self.blocking_def(func);
        let Some((name, def)) = def.filter(|(_, d)| {
            d.params == lists.len()
                && d.defaults.is_empty()
                && !d.varargs
                && d.keyword_only.is_empty()
        }) else {
            return refuse(
                &e.span,
                construct(),
                "the Rust listing runs on a pool's workers a plain function of the program whose \
                 parameters, without defaults, take one item of each list",
            );
        };
        let params: Vec<String> = def.names.iter().map(|p| p.name.to_string()).collect();
        let lists = lists
            .iter()
            .map(|l| self.expr(sc, l).map(super::jobs::tuple_as_list))
            .collect::<Result<Vec<_>>>()?;
        let var_expr = |v: &String| Expr {
            kind: ExprKind::Var(v.clone()),
            span: func.span.clone(),
        };
        let call = Call {
            name: name.to_string(),
            args: params.iter().map(var_expr).collect(),
            span: e.span.clone(),
        };
        let (var, over) = match lists.as_slice() {
            [one] => (params[0].clone(), one.clone()),
            [_, _] => (
                format!("({})", params.join(", ")),
                Expr {
                    kind: ExprKind::Call(Builtin::Zip, lists),
                    span: e.span.clone(),
                },
            ),
            _ => {
                return refuse(
                    &e.span,
                    construct(),
                    "the Rust listing zips the lists of two parameters at most",
                );
            }
        };
        let jobs = Expr {
            kind: ExprKind::Comp {
                value: Box::new(Expr {
                    kind: ExprKind::Job(call, Some(pool.to_string())),
                    span: e.span.clone(),
                }),
                var,
                over: Box::new(over),
                filter: None,
            },
            span: e.span.clone(),
        };
        Ok(Some(ExprKind::MapJobs(Box::new(jobs), timeout)))
    }
}
