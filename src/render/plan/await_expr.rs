//! Awaiting, spawning and gathering inside expressions: `await x` of a
//! variable, `asyncio.create_task(f(...))` and `f(...)` kept as values
//! (in lists too), `asyncio.gather(*xs)` of such a list, and the value
//! of `asyncio.sleep(d, result=v)`.

use super::scope::Scope;
use super::stmt::{local_name, one_arg};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name};
use crate::render::plan::ir::ast::{Call, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// `await inner` inside an expression, in the shapes written in place:
    /// a variable (task, future or coroutine), or `asyncio.gather` of a
    /// list or of calls of one coroutine; `None` for other awaits.
    pub(super) fn await_value(&self, sc: &Scope, inner: &py::Expr) -> Result<Option<ExprKind>> {
        if let Some(k) = self.wrapped_future(sc, inner)? {
            return Ok(Some(k));
        }
        self.submitted_not_awaitable(sc, inner)?;
        if let Some(fut) = local_name(inner).filter(|n| sc.completed_outputs.iter().any(|o| o == n))
        {
            return Ok(Some(ExprKind::Var(sc.local(fut, &inner.span)?)));
        }
        if let Some(name) = local_name(inner)
            && !sc.prims.contains_key(name)
            && !sc.syncs.iter().any(|s| s == name)
        {
            sc.after_timed_wait(name, &inner.span, &format!("await {name}"))?;
            return Ok(Some(ExprKind::Join(sc.local(name, &inner.span)?)));
        }
        if let Some(k) = self.next_item(inner) {
            return Ok(Some(k));
        }
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if self.is_member(f, Module::Asyncio, "wait_for") {
            return self.wait_for_value(sc, args);
        }
        if !self.is_member(f, Module::Asyncio, "gather") {
            return Ok(None);
        }
        if let Some(k) = self.gather_outcomes(sc, inner, args)? {
            return Ok(Some(k));
        }
        self.gather_value(sc, inner, args)
    }

    /// `asyncio.wait_for(f(...), timeout)` of a coroutine of the program,
    /// awaited inside an expression: the wait runs first, as a statement
    /// whose `TimeoutError` goes on up, into `f_result`, which the
    /// expression reads.
    fn wait_for_value(&self, sc: &Scope, args: &[Arg]) -> Result<Option<ExprKind>> {
        let (call, timeout) = match args {
            [Arg::Positional(c), Arg::Keyword(k, t)] if &**k == "timeout" => (c, t),
            [Arg::Positional(c), Arg::Positional(t)] => (c, t),
            _ => return Ok(None),
        };
        let E::Call(g, call_args) = &call.kind else {
            return Ok(None);
        };
        let Some(call) = self.coroutine_call(sc, call, g, call_args)? else {
            return Ok(None);
        };
        let var = format!("{}_result", call.name);
        let raise = StmtKind::Raise {
            class: "TimeoutError".into(),
            message: None,
        };
        let on_timeout = vec![Stmt {
            id: self.current.get(),
            span: call.span.clone(),
            kind: raise,
        }];
        // The timeout is planned first: it may lift awaits of its own.
        let timeout = self.expr(sc, timeout)?;
        self.lifted.borrow_mut().push(StmtKind::WaitFor {
            call,
            timeout,
            into: Some(var.clone()),
            body: Vec::new(),
            on_timeout,
            token: None,
        });
        Ok(Some(ExprKind::Var(var)))
    }

    /// `asyncio.gather(*xs)`, or `asyncio.gather(a, b, ...)` of task
    /// variables or of calls of one coroutine: the results as a list.
    pub(super) fn gather_value(
        &self,
        sc: &Scope,
        e: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let list = match args {
            [Arg::Star(xs)] if let Some(sleeps) = self.gathered_sleeps(sc, xs)? => sleeps,
            [Arg::Star(xs)] => self.expr(sc, xs)?,
            _ => {
                let mut items = Vec::new();
                for a in args {
                    let Arg::Positional(x) = a else {
                        return Ok(None);
                    };
                    items.push(self.expr(sc, x)?);
                }
                let called: Vec<&str> = items
                    .iter()
                    .filter_map(|x| match &x.kind {
                        ExprKind::Coro(c) => Some(c.name.as_str()),
                        _ => None,
                    })
                    .collect();
                let one_kind = called.is_empty()
                    || (called.len() == items.len() && called.iter().all(|n| *n == called[0]));
                if items.is_empty() || !one_kind {
                    return Ok(None);
                }
                Expr {
                    kind: ExprKind::List(items),
                    span: e.span.clone(),
                }
            }
        };
        Ok(Some(ExprKind::GatherAll(Box::new(list))))
    }

    /// `asyncio.create_task(f(...))` or `f(...)` of a coroutine of the
    /// program, as a value: kept in a variable or a list, awaited later.
    pub(super) fn value_call(
        &self,
        sc: &Scope,
        e: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        if self.is_member(f, Module::Asyncio, "create_task") {
            let Some(inner) = one_arg(args) else {
                return refuse(
                    &e.span,
                    "this `asyncio.create_task`",
                    "the Rust listing spawns one call of a coroutine of the program: \
                     `asyncio.create_task(f(...))`, without `name=` (in a list comprehension, \
                     with a `name=` that calls nothing)",
                );
            };
            let E::Call(g, inner_args) = &inner.kind else {
                return Ok(None);
            };
            // A task of a list made at once may watch a token (see
            // `cancel_end_lists`).
            return Ok(self
                .listed_coroutine_call(sc, inner, g, inner_args)?
                .map(ExprKind::Spawn));
        }
        Ok(self.coroutine_call(sc, e, f, args)?.map(ExprKind::Coro))
    }

    /// `f(...)` of a coroutine of the program, every argument given.
    pub(super) fn coroutine_call(
        &self,
        sc: &Scope,
        e: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<Call>> {
        let E::Name(Name::Global(name)) = &f.kind else {
            return Ok(None);
        };
        let Some(def) = self.defs.get(&**name).copied() else {
            return Ok(None);
        };
        if def.kind != Some(FunctionKind::Coroutine) {
            return Ok(None);
        }
        let call = Call {
            name: name.to_string(),
            args: self.args_of(sc, name, def, args, &e.span)?,
            span: e.span.clone(),
        };
        for (i, arg) in call.args.iter().enumerate() {
            self.check_arg(&call, i, arg)?;
            if self.resolves(&call.name, i) {
                return refuse(
                    &arg.span,
                    "a future resolved by a call inside an expression",
                    "the Rust listing hands a future's sender to a call awaited as a \
                     statement of its own: `await f(fut)`",
                );
            }
        }
        Ok(Some(call))
    }

    /// `into = await asyncio.sleep(delay, result=value)` (or without a
    /// result: `None`): the sleep, run first, then `into = value`.
    pub(super) fn sleep_result(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        if !self.is_member(f, Module::Asyncio, "sleep") {
            return Ok(None);
        }
        let (delay, value) = match args {
            [Arg::Positional(d)] => (d, None),
            [Arg::Positional(d), Arg::Positional(v)] => (d, Some(v)),
            [Arg::Positional(d), Arg::Keyword(k, v)] if &**k == "result" => (d, Some(v)),
            _ => return Ok(None),
        };
        let value = match value {
            Some(v) => self.expr(sc, v)?,
            None => Expr::lit(Value::None),
        };
        let sleep = StmtKind::Sleep(self.expr(sc, delay)?);
        let Some(var) = into else {
            return Ok(Some(sleep));
        };
        self.lifted.borrow_mut().push(sleep);
        Ok(Some(StmtKind::Set { var, value }))
    }
}
