//! `loop.call_soon(f, *args)`, `loop.call_later(delay, f, *args)` and
//! `loop.call_at(when, f, *args)`: a plain function of the program that the
//! event loop calls back. The Rust
//! listing spawns a task that sleeps, then calls; the handle's `cancel()`
//! is the task's `abort()`.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind};
use crate::render::plan::ir::value::Value;

/// `loop.time()`.
fn now() -> Expr {
    Expr {
        kind: ExprKind::Now,
        span: 0..0,
    }
}

const CALLBACKS: &str = "the Rust listing translates `loop.call_soon(f, ...)`, \
                         `loop.call_later(delay, f, ...)` and `loop.call_at(when, f, ...)` \
                         with a plain function of the program and positional arguments, as a \
                         statement or kept as a handle";

impl Planner<'_> {
    /// `[into =] loop.call_soon(f, ...)`, `loop.call_later(delay, f, ...)`
    /// or `loop.call_at(when, f, ...)` on the running loop; `None` when `e`
    /// is none of them.
    pub(super) fn callback(
        &self,
        sc: &mut Scope,
        e: &py::Expr,
        into: Option<String>,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let (later, at) = match &**m {
            "call_soon" => (false, false),
            "call_later" => (true, false),
            "call_at" => (true, true),
            _ => return Ok(None),
        };
        let on_loop = self.is_member_call(obj, "get_running_loop")
            || local_name(obj).is_some_and(|l| sc.loops.iter().any(|x| x == l));
        if !on_loop {
            return Ok(None);
        }
        let (delay, rest) = match (later, args.as_slice()) {
            (true, [Arg::Positional(d), rest @ ..]) => {
                self.timer_tie(e, d)?;
                let d = self.expr(sc, d)?;
                // `call_at(when, ...)`: the delay from now, none if `when` is past.
                let delay = if at {
                    let left = Expr {
                        kind: ExprKind::Binary(BinaryOp::Sub, Box::new(d), Box::new(now())),
                        span: 0..0,
                    };
                    Expr {
                        kind: ExprKind::Call(
                            Builtin::Max,
                            vec![left, Expr::lit(Value::Float(0.0))],
                        ),
                        span: 0..0,
                    }
                } else {
                    d
                };
                (Some(delay), rest)
            }
            (false, rest) => (None, rest),
            _ => return refuse(&e.span, format!("these arguments of `{m}`"), CALLBACKS),
        };
        let Some((Arg::Positional(callee), callee_args)) = rest.split_first() else {
            return refuse(&e.span, format!("these arguments of `{m}`"), CALLBACKS);
        };
        let Some((name, def)) = self.blocking_def(callee) else {
            return refuse(&callee.span, format!("`{m}` of this"), CALLBACKS);
        };
        if !callee_args.iter().all(|a| matches!(a, Arg::Positional(_))) {
            return refuse(&e.span, format!("these arguments of `{m}`"), CALLBACKS);
        }
        let call = self.call_of(sc, name, def, callee_args, &e.span)?;
        if let Some(v) = &into {
            sc.local(v, &e.span)?;
        }
        Ok(Some(StmtKind::Schedule { delay, call, into }))
    }
}
