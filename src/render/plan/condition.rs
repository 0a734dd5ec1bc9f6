//! `asyncio.Condition`: the arguments of its methods (`notify(n)`, the
//! predicate of `wait_for`) and what an `async with cond:` block may await.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, StmtKind as P};
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::primitive::{PrimOp, PrimitiveKind};

pub(super) const CONDITION_METHODS: &str = "the Rust listing's condition is Tokio's `Notify`: it \
     translates `notify()`, `notify(n)`, `notify_all()`, `await wait()` and `await \
     wait_for(lambda: predicate)` as statements, inside `async with cond:`";

/// The awaits of a block that are not its condition's own, and not in a
/// nested function.
fn other_awaits<'s>(body: &'s [py::Stmt], cond: &str, out: &mut Vec<&'s py::Expr>) {
    fn in_expr<'e>(e: &'e py::Expr, cond: &str, out: &mut Vec<&'e py::Expr>) {
        match &e.kind {
            E::Await(inner) => {
                let own = matches!(&inner.kind, E::Call(f, _)
                    if matches!(&f.kind, E::Attr(o, _) if local_name(o) == Some(cond)));
                if !own {
                    out.push(e);
                }
            }
            E::Call(f, args) => {
                in_expr(f, cond, out);
                for a in args {
                    if let Arg::Positional(x) | Arg::Star(x) | Arg::Keyword(_, x) = a {
                        in_expr(x, cond, out);
                    }
                }
            }
            E::List(items) | E::Tuple(items) => items.iter().for_each(|x| in_expr(x, cond, out)),
            E::BinOp(_, a, b) => {
                in_expr(a, cond, out);
                in_expr(b, cond, out);
            }
            _ => {}
        }
    }
    crate::program::walk(body, &mut |s| match &s.kind {
        P::Expr(e) | P::Assign { value: e, .. } | P::Return(Some(e)) => in_expr(e, cond, out),
        P::For {
            is_async: true,
            iter,
            ..
        } => out.push(iter),
        P::With {
            is_async: true,
            item,
            ..
        } => out.push(&item.context),
        _ => {}
    });
}

impl Planner<'_> {
    /// The argument of a condition's method, planned: `n` of `notify(n)`
    /// (none when not given), the predicate of `wait_for(lambda: ...)`.
    /// `None` when `op` is not a condition's.
    pub(super) fn condition_arg(
        &self,
        sc: &Scope,
        e: &py::Expr,
        op: PrimOp,
        args: &[Arg],
    ) -> Result<Option<Option<Expr>>> {
        match (op, args) {
            (PrimOp::Notify | PrimOp::NotifyAll | PrimOp::CondWait, []) => Ok(Some(None)),
            (PrimOp::Notify, [Arg::Positional(n)]) => Ok(Some(Some(self.expr(sc, n)?))),
            (PrimOp::WaitUntil, [Arg::Positional(f)]) => {
                if let E::Lambda { code, defaults } = &f.kind
                    && defaults.is_empty()
                    && code.params.all().next().is_none()
                    && let [
                        py::Stmt {
                            kind: P::Return(Some(pred)),
                            ..
                        },
                    ] = code.body.as_slice()
                {
                    return Ok(Some(Some(self.expr(sc, pred)?)));
                }
                refuse(
                    &f.span,
                    "this predicate",
                    "the Rust listing checks a predicate written in place: \
                     `await cond.wait_for(lambda: stock > 0)`",
                )
            }
            (PrimOp::NotifyAll | PrimOp::CondWait | PrimOp::Notify | PrimOp::WaitUntil, _) => {
                refuse(
                    &e.span,
                    "these arguments of a condition's method",
                    CONDITION_METHODS,
                )
            }
            _ => Ok(None),
        }
    }

    /// `async with cond:` on a condition: its body runs as it is (one task
    /// runs at a time, and Tokio's `Notify` has no lock to hold), so it may
    /// await nothing but the condition, which would let another task in.
    pub(super) fn condition_block(&self, sc: &Scope, cond: &str, body: &[py::Stmt]) -> Result<()> {
        if sc.prims.get(cond) != Some(&PrimitiveKind::Condition) {
            return Ok(());
        }
        let mut found = Vec::new();
        other_awaits(body, cond, &mut found);
        match found.first() {
            Some(e) => refuse(
                &e.span,
                "an `await` inside `async with` on a condition",
                "the Rust listing's condition is a `Notify` without a lock: inside \
                 `async with cond:` it awaits only `cond.wait()` and `cond.wait_for(...)`",
            ),
            None => Ok(()),
        }
    }
}
