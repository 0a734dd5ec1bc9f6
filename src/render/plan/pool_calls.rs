//! An executor's own methods (`pool.submit` where `plan::pool_submit`
//! does not take it, `pool.shutdown`, and `pool.map` of a pool
//! `plan::pool_map` does not take) and a pool made outside a `with`:
//! refused with the form the Rust listing takes instead (see
//! `plan::executor`).

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, StmtKind as P, Target};
use crate::render::plan::ir::expr::ExprKind;

/// Why a pool's `map` is refused.
const WAITED_ON_THE_LOOP: &str = "`Executor.map` gives results that the caller waits for on \
     its own thread (in a coroutine, the event loop's); the Rust listing runs a job as `await \
     loop.run_in_executor(pool, f, x)` (Tokio's `spawn_blocking`, on a permit of the pool), \
     several at once with `asyncio.gather`";

/// Why a pool's `submit` is refused.
const SUBMITTED_HERE: &str = "the Rust listing hands a job to a pool in the coroutine whose \
     `with` made it, as a statement of its own, `future = pool.submit(f, x)` (the job's task and \
     its handle), or awaited at once, `await asyncio.wrap_future(pool.submit(f, x))`";

/// `pool.method(args)` of a pool of a `with` of this scope: the method's
/// name, the pool's and the call's arguments; `None` for other expressions.
pub(super) fn pool_method<'e>(
    sc: &Scope,
    e: &'e py::Expr,
) -> Option<(&'e str, &'e str, &'e [Arg])> {
    let E::Call(f, args) = &e.kind else {
        return None;
    };
    let E::Attr(obj, m) = &f.kind else {
        return None;
    };
    let pool = local_name(obj).filter(|p| sc.pools.iter().any(|x| x == p))?;
    Some((&**m, pool, args))
}

impl Planner<'_> {
    /// Refuses `pool.map(...)`, `pool.submit(...)` and `pool.shutdown()` of
    /// a pool of a `with`, and a pool made outside a `with`.
    pub(super) fn pool_call(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let E::Call(f, _) = &e.kind else {
            return Ok(None);
        };
        if let E::Attr(obj, m) = &f.kind
            && (local_name(obj).is_some_and(|p| sc.pools.iter().any(|x| x == p))
                || self.module_pool(obj))
        {
            let construct = format!("the call `{}`", self.text(&e.span));
            return match &**m {
                "map" => refuse(&e.span, construct, WAITED_ON_THE_LOOP),
                "submit" => refuse(&e.span, construct, SUBMITTED_HERE),
                "shutdown" => refuse(
                    &e.span,
                    construct,
                    "the Rust listing shuts a pool down where its `with` block ends, \
                     waiting for its jobs",
                ),
                _ => Ok(None),
            };
        }
        if self.pool_kind(e).is_some() {
            // At the top of the module, the pool is refused where it is made.
            return refuse(
                &e.span,
                "an executor made outside a `with`",
                "the Rust listing makes a pool as `with ThreadPoolExecutor(max_workers=n) as \
                 pool:` in the coroutine that runs its jobs (with \
                 `loop.run_in_executor(pool, f, x)`), leaving the block waiting for them",
            );
        }
        Ok(None)
    }

    /// Whether `obj` names a pool made at the top of the module
    /// (`pool = ThreadPoolExecutor(...)`).
    fn module_pool(&self, obj: &py::Expr) -> bool {
        let E::Name(n) = &obj.kind else {
            return false;
        };
        let n = n.ident();
        self.program.module.body.iter().any(|s| {
            matches!(&s.kind, P::Assign { targets, value }
                if matches!(targets.as_slice(), [Target::Name(t)] if t.ident() == n)
                    && self.pool_kind(value).is_some())
        })
    }
}
