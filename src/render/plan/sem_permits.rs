//! A lock or semaphore handed to the program's functions, and a
//! semaphore's permits taken and given back by hand: `await sem.acquire()`
//! is Tokio's `acquire().await` whose permit is `forget`-ten, and
//! `sem.release()` is `add_permits(1)`, as asyncio hands a released permit
//! to the first waiter, as Tokio's fair semaphore does. A lock's
//! `acquire()` and `release()` are refused: Tokio's `Mutex` is released by
//! dropping the guard `lock()` gives, which `async with lock:` is.

use super::scope::Scope;
use super::stmt::local_name;
use super::sync::given_params;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Code, ExprKind as E, Module};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::primitive::PrimOp;
use std::collections::HashMap;

impl<'p> Planner<'p> {
    /// Whether `value` makes a lock (`true`) or a semaphore (`false`).
    fn sync_class(&self, value: &py::Expr) -> Option<bool> {
        let E::Call(f, _) = &value.kind else {
            return None;
        };
        if self.is_member(f, Module::Asyncio, "Lock") {
            Some(true)
        } else if self.is_member(f, Module::Asyncio, "Semaphore") {
            Some(false)
        } else {
            None
        }
    }

    /// Which parameters of the program's functions are given a lock or a
    /// semaphore, and whether it is a lock.
    pub(super) fn scan_syncs(&mut self, codes: &[(String, &'p Code, bool)]) {
        self.sync_params = given_params(codes, |value| self.sync_class(value));
    }

    /// The parameters of `function` given a lock or a semaphore, each with
    /// whether it is a lock.
    pub(super) fn given_syncs(&self, function: &str) -> HashMap<usize, bool> {
        self.sync_params
            .iter()
            .filter(|((f, _), _)| f == function)
            .map(|((_, i), lock)| (*i, *lock))
            .collect()
    }

    /// `[await] sync.acquire()` or `sync.release()` of a lock or semaphore
    /// of the scope, as a statement whose value `into` keeps.
    pub(super) fn permit_call(
        &self,
        sc: &Scope,
        e: &py::Expr,
        awaited: bool,
        into: Option<&String>,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &e.kind else {
            return Ok(None);
        };
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        let Some(v) = local_name(obj).filter(|v| sc.syncs.iter().any(|s| s == v)) else {
            return Ok(None);
        };
        let op = match &**m {
            "acquire" => PrimOp::Acquire,
            "release" => PrimOp::Release,
            _ => return Ok(None),
        };
        if sc.locks.iter().any(|l| l == v) {
            return refuse(
                &e.span,
                format!("`{v}.{m}()` of a lock"),
                "Tokio's `Mutex` is released by dropping the guard its `lock()` gives, not by \
                 a call: the Rust listing translates `async with lock:`",
            );
        }
        let awaits = op == PrimOp::Acquire;
        if !args.is_empty() || awaits != awaited || into.is_some() {
            return refuse(
                &e.span,
                format!("`{v}.{m}()` here"),
                "the Rust listing translates `await sem.acquire()` and `sem.release()` as \
                 statements of their own",
            );
        }
        Ok(Some(StmtKind::PrimCall {
            object: sc.local(v, &obj.span)?,
            op,
            arg: None,
            into: None,
        }))
    }
}
