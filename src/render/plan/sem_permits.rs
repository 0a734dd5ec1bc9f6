//! A lock or semaphore handed to the program's functions, and a
//! semaphore's permits taken and given back by hand: `await sem.acquire()`
//! is Tokio's `acquire().await` whose permit is `forget`-ten, and
//! `sem.release()` is `add_permits(1)`, as asyncio hands a released permit
//! to the first waiter, as Tokio's fair semaphore does. An
//! `asyncio.BoundedSemaphore(n)` of a whole number written in the program
//! is a semaphore too, whose `release()` past its `n` permits is Python's
//! `ValueError`. A lock's `acquire()` and `release()` are refused: Tokio's
//! `Mutex` is released by dropping the guard `lock()` gives, which
//! `async with lock:` is.

use super::scope::Scope;
use super::stmt::local_name;
use super::sync::given_params;
use super::{Planner, Result, refuse};
use crate::program::Literal;
use crate::program::{self as py, Code, ExprKind as E, Module};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::primitive::PrimOp;
use crate::render::plan::ir::value::Value;
use std::collections::HashMap;

/// What an `asyncio` synchronisation object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SyncKind {
    Lock,
    Semaphore,
    /// An `asyncio.BoundedSemaphore` of so many permits.
    Bounded(i64),
}

/// The bound of `asyncio.BoundedSemaphore(n)`: a whole number written in
/// the program.
pub(super) fn bound_of(args: &[py::Arg]) -> Option<i64> {
    match args {
        [] => Some(1),
        [py::Arg::Positional(n)] => match &n.kind {
            E::Literal(Literal::Int(i)) if *i >= 0 => Some(*i),
            _ => None,
        },
        _ => None,
    }
}

impl<'p> Planner<'p> {
    /// What `value` makes, if it is a lock or a semaphore.
    fn sync_class(&self, value: &py::Expr) -> Option<SyncKind> {
        let E::Call(f, args) = &value.kind else {
            return None;
        };
        self.sync_made(f, args)
    }

    /// What the call of `f` with `args` makes, if it is a lock or a
    /// semaphore (a bounded one of a bound written in the program).
    pub(super) fn sync_made(&self, f: &py::Expr, args: &[py::Arg]) -> Option<SyncKind> {
        if self.is_member(f, Module::Asyncio, "Lock") {
            Some(SyncKind::Lock)
        } else if self.is_member(f, Module::Asyncio, "Semaphore") {
            Some(SyncKind::Semaphore)
        } else if self.is_member(f, Module::Asyncio, "BoundedSemaphore") {
            bound_of(args).map(SyncKind::Bounded)
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
    /// what it is.
    pub(super) fn given_syncs(&self, function: &str) -> HashMap<usize, SyncKind> {
        self.sync_params
            .iter()
            .filter(|((f, _), _)| f == function)
            .map(|((_, i), kind)| (*i, *kind))
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
        let kind = sc.sync_kinds.get(v).copied();
        if kind == Some(SyncKind::Lock) {
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
        // A bounded semaphore's release carries its bound.
        let (op, arg) = match kind {
            Some(SyncKind::Bounded(n)) if op == PrimOp::Release => {
                (PrimOp::BoundedRelease, Some(Expr::lit(Value::Int(n))))
            }
            _ => (op, None),
        };
        Ok(Some(StmtKind::PrimCall {
            object: sc.local(v, &obj.span)?,
            op,
            arg,
            into: None,
        }))
    }
}
