//! An expression statement's plan statement: a call, an await, a
//! method of a primitive, a print.

use super::scope::Scope;
use super::stmt::{Step, local_name, one, one_arg};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// The plan statement of the expression statement `e` (`next`, the one
    /// after it, for shapes that take two).
    pub(super) fn expr_stmt(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        e: &py::Expr,
        next: Option<&py::Stmt>,
    ) -> Result<Step> {
        if let Some(k) = self.exit_raise(sc, e)? {
            return one(s, k);
        }
        if let Some(k) = self.keeper_append(s) {
            return one(s, k);
        }
        match &e.kind {
            // `a if False else b` evaluates only the branch its literal test
            // picks; a literal there (`None`) does nothing.
            E::IfExp(test, then, otherwise)
                if let E::Literal(crate::program::Literal::Bool(t)) = &test.kind =>
            {
                let picked = if *t { then } else { otherwise };
                if matches!(picked.kind, E::Literal(_)) {
                    return Ok((None, 1));
                }
                return self.expr_stmt(sc, s, picked, next);
            }
            E::Await(inner) => {
                if let Some(k) = self.wait_for_raising(sc, s, inner, None)? {
                    return one(s, k);
                }
                return one(s, self.awaited(sc, inner, None)?);
            }
            E::Yield(v) if sc.kind == FunctionKind::Generator => {
                let value = match v {
                    Some(v) => self.expr(sc, v)?,
                    None => Expr::lit(Value::None),
                };
                return one(s, StmtKind::Yield(value));
            }
            // `d[k]` for the exception it may raise.
            E::Subscript(..) => {
                let value = self.expr(sc, e)?;
                let var = "_".to_string();
                return one(s, StmtKind::Set { var, value });
            }
            _ => {}
        }
        let E::Call(f, args) = &e.kind else {
            return refuse(
                &e.span,
                "this expression statement",
                "the Rust listing translates calls and awaits as statements",
            );
        };
        if matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "print")
            && !self.defs.contains_key("print")
        {
            return one(s, self.print_stmt(sc, s, args, &e.span)?);
        }
        if let Some(k) = self.log_stmt(sc, e)? {
            return one(s, k);
        }
        if self.is_member(f, Module::Time, "sleep")
            && let Some(d) = one_arg(args)
        {
            let d = self.expr(sc, d)?;
            let rest = &self.program.source[s.span.end.min(self.program.source.len())..];
            let comment = rest.lines().next().unwrap_or("");
            let compute = comment.trim_start().starts_with('#') && comment.contains("CPU-bound");
            return one(
                s,
                if compute {
                    StmtKind::Compute(d)
                } else {
                    StmtKind::Block(d)
                },
            );
        }
        if let Some(group) = self.group_spawn(sc, e)? {
            return one(s, group);
        }
        if let Some(call) = self.prim_stmt(sc, e, false, None)? {
            return one(s, call);
        }
        if let Some(k) = self.callback(sc, e, None)? {
            return one(s, k);
        }
        if let Some(step) = self.done_callback(sc, s, e)? {
            return Ok(step);
        }
        if let Some(step) = self.loop_stmt(sc, s, e)? {
            return Ok(step);
        }
        if let Some(k) = self.threadsafe_stmt(sc, e)? {
            return one(s, k);
        }
        if let Some(k) = self.submitted_stmt(sc, e)? {
            return one(s, k);
        }
        if let Some(k) = self.cancel_item(sc, e)? {
            return one(s, k);
        }
        if let E::Attr(obj, m) = &f.kind
            && let Some(v) = local_name(obj)
        {
            match (&**m, args.as_slice()) {
                ("cancel", []) if let Some(k) = self.token_cancel(sc, v) => {
                    self.cancel_after_start(s.span.start, &e.span)?;
                    return one(s, k);
                }
                ("cancel", []) => {
                    return one(
                        s,
                        StmtKind::Cancel {
                            task: sc.local(v, &obj.span)?,
                        },
                    );
                }
                ("set_result", [Arg::Positional(x)]) => {
                    let value = self.expr(sc, x)?;
                    sc.resolve(v, &s.span)?;
                    let resolve = StmtKind::Resolve {
                        future: sc.local(v, &obj.span)?,
                        value,
                    };
                    return one(s, self.resolve_then_callbacks(sc, obj, resolve)?);
                }
                (m @ ("write" | "close"), _) => return self.stream_stmt(sc, s, v, m, args, next),
                _ => {}
            }
        }
        if let Some(call) = self.blocking_call(sc, e)? {
            return one(s, StmtKind::CallFn { call, into: None });
        }
        if self.user_call(sc, e, &[FunctionKind::Coroutine])?.is_some() {
            return refuse(
                &e.span,
                "a coroutine called without `await`",
                "it would never run; the Rust listing awaits, spawns or gathers each coroutine it calls",
            );
        }
        if let Some(into) = self.pending_handle(s.span.start)
            && let Some(c) = one_arg(args)
            && let Some(call) = self.spawn_call(sc, &into, c)?
        {
            return one(s, StmtKind::Spawn { call, into });
        }
        if self.is_member(f, Module::Asyncio, "create_task") {
            let call = match one_arg(args) {
                Some(c) => self.user_call(sc, c, &[FunctionKind::Coroutine])?,
                None => None,
            };
            let Some(call) = call else {
                return refuse(
                    &e.span,
                    "this `asyncio.create_task`",
                    "the Rust listing spawns one call of a coroutine of the program: \
                     `asyncio.create_task(f(...))`, without `name=`",
                );
            };
            // A task nobody keeps: its `JoinHandle` is dropped at once.
            let into = "_".to_string();
            return one(s, StmtKind::Spawn { call, into });
        }
        let value = self.expr(sc, e)?;
        // `asyncio.run(f(...))` in a plain function, its value unread.
        if let ExprKind::Await(call) = &value.kind
            && sc.kind == FunctionKind::Blocking
            && self.is_member(f, Module::Asyncio, "run")
        {
            let (call, into) = (call.clone(), None);
            return one(s, StmtKind::Await { call, into });
        }
        if matches!(&value.kind, ExprKind::StrMethod(m, ..) if m.mutates())
            || matches!(
                value.kind,
                ExprKind::Call(Builtin::Exit, _)
                    | ExprKind::Method(..)
                    | ExprKind::CallParam(..)
                    | ExprKind::CallItem(..)
                    | ExprKind::Task(
                        crate::render::plan::ir::expr::TaskOp::Result
                            | crate::render::plan::ir::expr::TaskOp::ResultNow,
                        _
                    )
            )
            || !crate::render::plan::ir::op_errors::candidates(&value).is_empty()
            || super::pool_map::waits_for_map(&value)
        {
            let var = "_".to_string();
            return one(s, StmtKind::Set { var, value });
        }
        refuse(
            &e.span,
            "this call as a statement",
            "its value would be thrown away",
        )
    }
}
