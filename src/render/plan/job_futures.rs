//! A `concurrent.futures.Future()` a coroutine makes and hands to its
//! executor jobs, which wait for it while the coroutine resolves it:
//! `future = concurrent.futures.Future()`, `loop.run_in_executor(None,
//! job, future)`, then `future.set_result(v)` (and `future.done()`); the
//! job reads `future.result()`, waits with `future.exception(timeout=t)` as
//! a statement (its `TimeoutError` taken by a `try` or passed on), and asks
//! `future.running()`, false while the program never calls
//! `set_running_or_notify_cancel`.
//!
//! A job that waits is a stand-in coroutine on Tokio's clock (see
//! `plan::jobs`), so the future is the listing's future of
//! `loop.create_future()`: a oneshot channel whose sender the coroutine
//! keeps and whose receiver the job awaits, `Shared` where it is read in
//! several places. A future resolved otherwise (`set_exception`, `cancel`)
//! or used for anything else stays refused.

use super::scope::Scope;
use super::stmt::{local_name, method_call};
use super::{Planner, Result};
use crate::program::visit_mut::{VisitMut, stmt_mut};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;

/// What a coroutine may do with the future it makes, besides handing it
/// to a job.
const MAKER_USES: &[&str] = &[".set_result(", ".done()"];

/// What a job may do with the future it is given.
const JOB_USES: &[&str] = &[".result()", ".exception(timeout=", ".running()"];

impl Planner<'_> {
    /// Whether `e` is `concurrent.futures.Future()` (or `Future()` imported
    /// from `concurrent.futures`).
    fn makes_concurrent_future(&self, e: &py::Expr) -> bool {
        let E::Call(f, args) = &e.kind else {
            return false;
        };
        let dotted = matches!(&f.kind, E::Attr(obj, m)
            if &**m == "Future" && self.member(obj) == Some((Module::Concurrent, "futures")));
        args.is_empty() && (dotted || self.is_member(f, Module::Futures, "Future"))
    }

    /// `var = concurrent.futures.Future()` in a coroutine that hands `var`
    /// to jobs, each of which only waits for it, and only resolves it with
    /// `set_result` or asks `done()` itself: the listing's future. `None`
    /// otherwise (the call is then refused where it is planned).
    pub(super) fn job_future(
        &self,
        sc: &mut Scope,
        var: &str,
        value: &py::Expr,
    ) -> Result<Option<StmtKind>> {
        if sc.kind != FunctionKind::Coroutine || !self.makes_concurrent_future(value) {
            return Ok(None);
        }
        let Some(maker) = self
            .module_codes()
            .into_iter()
            .find(|(_, c)| c.span.contains(&value.span.start))
            .map(|(n, _)| n)
        else {
            return Ok(None);
        };
        let given = self.jobs_given_futures();
        if !given.iter().any(|(m, v, _)| *m == maker && v == var) {
            return Ok(None);
        }
        sc.made_future(var);
        Ok(Some(StmtKind::Future {
            name: var.to_string(),
        }))
    }

    /// The parameters of the plain function `name` that the program's
    /// coroutines give a future of [`Self::job_future`]'s in.
    pub(super) fn job_future_params(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (maker, var, at) in self.jobs_given_futures() {
            if let Some((job, p)) = self.job_param_of(&maker, &var, at)
                && job == name
                && !out.contains(&p)
            {
                out.push(p);
            }
        }
        out
    }

    /// `future.running()` of a future a job is given: `False` (nothing
    /// sets it running); `None` for other expressions.
    pub(super) fn job_future_running(&self, sc: &Scope, e: &py::Expr) -> Option<ExprKind> {
        let E::Call(_, args) = &e.kind else {
            return None;
        };
        let obj = method_call(e, "running")?;
        let future = local_name(obj)?;
        (args.is_empty() && sc.job_futures.iter().any(|f| f == future))
            .then_some(ExprKind::Lit(Value::Bool(false)))
    }

    /// `future.exception(timeout=t)` of a future a job is given: `future`
    /// and `t`. The future only ever gets a result, so as a statement this
    /// waits as `future.result(timeout=t)` does.
    pub(super) fn job_future_timed<'e>(
        &self,
        sc: &Scope,
        e: &'e py::Expr,
    ) -> Option<(&'e py::Expr, &'e py::Expr)> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        let E::Attr(obj, m) = &f.kind else {
            return None;
        };
        let future = local_name(obj).filter(|_| &**m == "exception")?;
        if !sc.job_futures.iter().any(|f| f == future) {
            return None;
        }
        match args.as_slice() {
            [Arg::Keyword(k, t)] if &**k == "timeout" => {
                let none = matches!(t.kind, E::Literal(Literal::None));
                (!none).then_some((obj, t))
            }
            _ => None,
        }
    }

    /// The job and its parameter that the coroutine `maker` gives `var` in,
    /// as the `at`-th argument of the job's function.
    fn job_param_of(&self, maker: &str, var: &str, at: usize) -> Option<(String, String)> {
        let (job, _) = self.job_calls_of(maker).into_iter().find(|(_, args)| {
            args.get(at)
                .is_some_and(|a| local_name(a).is_some_and(|n| n == var))
        })?;
        let def = self.defs.get(&job)?;
        let p = def.names.get(at)?;
        Some((job, p.name.to_string()))
    }

    /// Every (coroutine, variable, argument place) where a coroutine of
    /// the module makes a concurrent future in a variable and hands it to
    /// executors' jobs, where the coroutine only resolves it with
    /// `set_result` or asks `done()`, and each job only waits for it.
    fn jobs_given_futures(&self) -> Vec<(String, String, usize)> {
        if self.program.source.contains("set_running_or_notify_cancel") {
            return Vec::new();
        }
        let handed = self.futures_handed_to_jobs();
        let fits = |maker: &str, var: &str| {
            self.only_used(maker, var, MAKER_USES, true)
                && handed
                    .iter()
                    .filter(|(m, v, _)| m == maker && v == var)
                    .all(|(_, _, at)| {
                        // A job called directly too stays a plain function.
                        self.job_param_of(maker, var, *at).is_some_and(|(job, p)| {
                            !self.called_directly(&job) && self.only_used(&job, &p, JOB_USES, false)
                        })
                    })
        };
        handed
            .iter()
            .filter(|(m, v, _)| fits(m, v))
            .cloned()
            .collect()
    }

    /// Every (coroutine, variable, argument place) where a coroutine of
    /// the module makes a concurrent future in a variable and hands it to
    /// an executor's job.
    fn futures_handed_to_jobs(&self) -> Vec<(String, String, usize)> {
        let mut out = Vec::new();
        for (name, code) in self.module_codes() {
            let mut made = Vec::new();
            py::walk(&code.body, &mut |s| {
                if let P::Assign { targets, value } = &s.kind
                    && let [py::Target::Name(n)] = targets.as_slice()
                    && self.makes_concurrent_future(value)
                {
                    made.push(n.ident().to_string());
                }
            });
            for (_, args) in self.job_calls_of(&name) {
                for (at, a) in args.iter().enumerate() {
                    if let Some(v) = local_name(a).filter(|v| made.iter().any(|m| m == v)) {
                        out.push((name.clone(), v.to_string(), at));
                    }
                }
            }
        }
        out
    }

    /// The jobs the function `name` hands to an executor: the job's
    /// function and the arguments it passes it.
    fn job_calls_of(&self, name: &str) -> Vec<(String, Vec<py::Expr>)> {
        let Some(code) = self
            .module_codes()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c)
        else {
            return Vec::new();
        };
        let mut calls = Vec::new();
        for s in &code.body {
            each_expr(s, &mut |e| {
                let E::Call(f, args) = &e.kind else {
                    return;
                };
                let rest = if self.is_member(f, Module::Asyncio, "to_thread") {
                    &args[..]
                } else if matches!(&f.kind, E::Attr(_, m) if &**m == "run_in_executor")
                    && !args.is_empty()
                {
                    &args[1..]
                } else {
                    return;
                };
                let positional: Option<Vec<&py::Expr>> = rest
                    .iter()
                    .map(|a| match a {
                        Arg::Positional(x) => Some(x),
                        _ => None,
                    })
                    .collect();
                if let Some([func, args @ ..]) = positional.as_deref()
                    && let E::Name(Name::Global(job)) = &func.kind
                {
                    calls.push((job.to_string(), args.iter().map(|a| (*a).clone()).collect()));
                }
            });
        }
        calls
    }

    /// The module's functions, by name.
    fn module_codes(&self) -> Vec<(String, std::sync::Arc<py::Code>)> {
        let mut out = Vec::new();
        for s in &self.program.module.body {
            if let P::Def { code, name, .. } = &s.kind {
                out.push((name.ident().to_string(), code.clone()));
            }
        }
        out
    }

    /// Whether each mention of `var` in the body of the function `name` is
    /// followed by one of `uses` (or, where `passed`, is an argument of a
    /// line that hands a job to an executor), besides the assignment that
    /// makes it.
    fn only_used(&self, name: &str, var: &str, uses: &[&str], passed: bool) -> bool {
        let Some(code) = self
            .module_codes()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c)
        else {
            return false;
        };
        let (Some(first), Some(last)) = (code.body.first(), code.body.last()) else {
            return false;
        };
        let text = self.text(&(first.span.start..last.span.end));
        let word = |c: char| c.is_alphanumeric() || c == '_';
        text.match_indices(var).all(|(i, _)| {
            let before = &text[..i];
            let after = &text[i + var.len()..];
            if before.ends_with(word) || before.ends_with('.') || after.starts_with(word) {
                return true;
            }
            let made = after.trim_start().strip_prefix("= ").is_some_and(|value| {
                value.starts_with("concurrent.futures.Future()") || value.starts_with("Future()")
            });
            let line = before.rsplit('\n').next().unwrap_or(before);
            let job = ["run_in_executor(", "to_thread("]
                .iter()
                .any(|c| line.contains(c));
            made || uses.iter().any(|u| after.starts_with(u))
                || (passed && job && (after.starts_with(',') || after.starts_with(')')))
        })
    }
}

/// Every expression `s` evaluates.
fn each_expr(s: &py::Stmt, f: &mut dyn FnMut(&py::Expr)) {
    struct Exprs<'a>(&'a mut dyn FnMut(&py::Expr));
    impl VisitMut for Exprs<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            (self.0)(e);
        }
    }
    stmt_mut(&mut s.clone(), &mut Exprs(f));
}
