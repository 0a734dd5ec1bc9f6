//! A job handed to a pool after its `with` block: `with
//! ThreadPoolExecutor() as pool: ...` then `loop.run_in_executor(pool, f,
//! x)` (awaited, kept or dropped). Leaving the block shut the pool down, and
//! asyncio's call raises `RuntimeError("cannot schedule new futures after
//! shutdown")` before any job starts: the listing writes the `raise` it is.
//! Only where the call's arguments are names or literals (nothing Python
//! would compute before it raises) and nothing else binds the pool's name.

use super::Planner;
use super::scope::Scope;
use super::stmt::local_name;
use crate::program::{self as py, Arg, ExprKind as E, StmtKind as P};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::value::Value;

/// What asyncio's `run_in_executor` raises for a pool that was shut down.
const SHUT_DOWN: &str = "cannot schedule new futures after shutdown";

impl Planner<'_> {
    /// `[x =] [await] loop.run_in_executor(pool, f, ...)` of a pool whose
    /// `with` block has ended: the `RuntimeError` it raises. `None` for
    /// another statement.
    pub(super) fn closed_pool_job(&self, sc: &Scope, s: &py::Stmt) -> Option<StmtKind> {
        let e = match &s.kind {
            P::Expr(e) => e,
            P::Assign { targets, value } if targets.len() == 1 => value,
            _ => return None,
        };
        let call = match &e.kind {
            E::Await(inner) => inner,
            _ => e,
        };
        let E::Call(f, args) = &call.kind else {
            return None;
        };
        let E::Attr(obj, m) = &f.kind else {
            return None;
        };
        let on_loop = self.is_member_call(obj, "get_running_loop")
            || local_name(obj).is_some_and(|l| sc.loops.iter().any(|x| x == l));
        if &**m != "run_in_executor" || !on_loop {
            return None;
        }
        let Some(Arg::Positional(pool)) = args.first() else {
            return None;
        };
        let pool = local_name(pool)?;
        let closed =
            sc.closed_pools.iter().any(|p| p == pool) && !sc.pools.iter().any(|p| p == pool);
        let plain = args.iter().all(
            |a| matches!(a, Arg::Positional(x) if matches!(x.kind, E::Name(_) | E::Literal(_))),
        );
        if !closed || !plain || self.binds_elsewhere(pool) {
            return None;
        }
        Some(StmtKind::Raise {
            class: "RuntimeError".into(),
            message: Some(Expr::lit(Value::Str(SHUT_DOWN.into()))),
        })
    }

    /// Whether the program binds `name` otherwise than with `as name`.
    fn binds_elsewhere(&self, name: &str) -> bool {
        let source = &self.program.source;
        let word = |c: char| c.is_alphanumeric() || c == '_';
        source.match_indices(name).any(|(i, _)| {
            let before = &source[..i];
            let after = source[i + name.len()..].trim_start();
            !before.ends_with(word)
                && !source[i + name.len()..].starts_with(word)
                && ((after.starts_with('=') && !after.starts_with("=="))
                    || before.trim_end().ends_with("for")
                    || after.starts_with(":="))
        })
    }
}
