//! A `finally` that awaits, outside a task given a `CancellationToken`
//! and outside an async generator. The listing runs such a cleanup in a
//! drop guard, so that it runs however the `try` is left, Tokio's
//! cancellation (a dropped future) included; but `Drop` cannot await, so
//! the cleanup's wait would vanish, and with it the time that whoever
//! awaits the task spends waiting for the cleanup. The plan refuses the
//! program at the cleanup's first await instead.
//!
//! A task made there (`asyncio.create_task` in such a cleanup) is refused
//! too, and so is any statement a drop guard does not write (it writes
//! only what needs no runtime: prints, assignments, computations).
//!
//! An async generator's stream dropped at a `yield` spawns its cleanup as
//! a task, awaits included; but dropped while it awaits, its reader's task
//! cancelled, it runs the cleanup in place, in `Drop` again. Where the
//! program can cancel a task, the plan refuses such a cleanup too.

use super::cancel_token::TOKEN;
use super::scope::Scope;
use super::{Result, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, ExprKind as E, StmtKind as P};
use crate::render::plan::ir::ast::{Block, walk};
use crate::render::plan::ir::primitive::PrimitiveKind;

/// Finds an `await` among the expressions a visit meets.
struct Awaits(bool);

impl VisitMut for Awaits {
    fn expr(&mut self, e: &mut py::Expr) {
        self.0 |= matches!(e.kind, E::Await(_));
    }
}

/// Whether `s` awaits: an `await` in it (nested blocks included), or an
/// `async for` or `async with`.
fn awaits(s: &py::Stmt) -> bool {
    let mut found = Awaits(false);
    block_mut(std::slice::from_mut(&mut s.clone()), &mut found);
    let mut async_block = false;
    py::walk(std::slice::from_ref(s), &mut |b| {
        async_block |= matches!(
            b.kind,
            P::For { is_async: true, .. } | P::With { is_async: true, .. }
        );
    });
    found.0 || async_block
}

/// The first statement of `block` that awaits, the innermost one where
/// a compound statement holds it.
fn first_await(block: &[py::Stmt]) -> Option<&py::Stmt> {
    let mut best: Option<&py::Stmt> = None;
    let mut done = false;
    py::walk(block, &mut |s| {
        if done || !awaits(s) {
            return;
        }
        match best {
            None => best = Some(s),
            Some(b) if b.span.start <= s.span.start && s.span.end <= b.span.end => best = Some(s),
            Some(_) => done = true,
        }
    });
    best
}

/// The calls through which a program cancels a task it runs.
const CANCELLING: &[&str] = &[
    "cancel(",
    "wait_for(",
    "timeout(",
    "timeout_at(",
    "TaskGroup(",
    "shield(",
    "as_completed(",
];

/// Whether the code of `source` (outside comments) can cancel a task.
fn may_cancel(source: &str) -> bool {
    source
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .any(|l| CANCELLING.iter().any(|c| l.contains(c)))
}

/// Refuses the `finally` of an async generator's `try` that awaits, when
/// the program (its `source`) can cancel a task: a reader's task
/// cancelled while the generator awaits runs the cleanup in `Drop`.
pub(super) fn refuse_generator_finally(source: &str, finalbody: &[py::Stmt]) -> Result<()> {
    match first_await(finalbody) {
        Some(s) if may_cancel(source) => refuse(
            &s.span,
            "an `await` in an async generator's `finally`, in a program that cancels tasks",
            "a stream dropped while it awaits (its reader's task cancelled) runs the cleanup \
             in a drop guard, and `Drop` cannot await: the cleanup's wait would vanish. Rust has \
             no async drop: have the reader watch a `tokio_util::sync::CancellationToken` and \
             await the cleanup itself once `token.cancelled()` fires",
        ),
        _ => Ok(()),
    }
}

/// Refuses a `finally` that awaits (or makes a task) where the listing
/// would run it in a drop guard: unless `spawned` (an async generator's `try ... finally`,
/// whose dropped stream spawns its cleanup as a task) or in a coroutine
/// given a token (whose cleanup runs after `token.cancelled()`, awaits and
/// all).
pub(super) fn refuse_awaiting_finally(
    sc: &Scope,
    finalbody: &[py::Stmt],
    spawned: bool,
) -> Result<()> {
    if spawned || sc.prims.get(TOKEN) == Some(&PrimitiveKind::Token) {
        return Ok(());
    }
    match first_await(finalbody) {
        Some(s) => refuse(
            &s.span,
            "an `await` in a `finally` the Rust listing runs in `Drop`",
            "Tokio cancels a task by dropping its future, so the listing runs a `finally` in a \
             drop guard, and `Drop` cannot await: the cleanup's wait would vanish. Hand the \
             task a `tokio_util::sync::CancellationToken`, `select!` on `token.cancelled()` \
             beside the body, then await the cleanup",
        ),
        None => match first_spawn(finalbody) {
            Some(s) => refuse(
                &s.span,
                "a task made in a `finally` the Rust listing runs in `Drop`",
                "Tokio cancels a task by dropping its future, so the listing runs a `finally` in \
                 a drop guard, which makes no task: hand the task a \
                 `tokio_util::sync::CancellationToken`, `select!` on `token.cancelled()` beside \
                 the body, then make the task after it",
            ),
            None => Ok(()),
        },
    }
}

/// Refuses an `except asyncio.CancelledError:` that awaits (or makes a
/// task) where the listing would run it in a drop guard: outside a coroutine given a
/// token, around more than `await task` (whose handler reads the task's
/// `JoinError` in place).
pub(super) fn refuse_awaiting_handler(sc: &Scope, handler: &[py::Stmt], joins: bool) -> Result<()> {
    if joins || sc.prims.get(TOKEN) == Some(&PrimitiveKind::Token) {
        return Ok(());
    }
    match first_await(handler) {
        Some(s) => refuse(
            &s.span,
            "an `await` in an `except asyncio.CancelledError` the Rust listing runs in `Drop`",
            "Tokio cancels a task by dropping its future, so the listing runs the handler in a \
             drop guard, and `Drop` cannot await: the handler's wait would vanish. Hand the \
             task a `tokio_util::sync::CancellationToken`, `select!` on `token.cancelled()` \
             beside the body, then await the cleanup in that branch",
        ),
        None => match first_spawn(handler) {
            Some(s) => refuse(
                &s.span,
                "a task made in an `except asyncio.CancelledError` the Rust listing runs in `Drop`",
                "Tokio cancels a task by dropping its future, so the listing runs the handler in \
                 a drop guard, which makes no task: hand the task a \
                 `tokio_util::sync::CancellationToken`, `select!` on `token.cancelled()` beside \
                 the body, then make the task in that branch",
            ),
            None => Ok(()),
        },
    }
}

/// Finds a call that makes a task (`create_task`, `ensure_future`)
/// among the expressions a visit meets.
struct Spawns(bool);

impl VisitMut for Spawns {
    fn expr(&mut self, e: &mut py::Expr) {
        if let E::Call(f, _) = &e.kind
            && let E::Attr(_, m) | E::Name(py::Name::Global(m)) = &f.kind
        {
            self.0 |= ["create_task", "ensure_future"].contains(&&**m);
        }
    }
}

/// The first simple statement of `block` that makes a task.
fn first_spawn(block: &[py::Stmt]) -> Option<&py::Stmt> {
    let mut found = None;
    py::walk(block, &mut |s| {
        let mut spawns = Spawns(false);
        block_mut(std::slice::from_mut(&mut s.clone()), &mut spawns);
        if spawns.0 && py::blocks(s).is_empty() {
            found.get_or_insert(s);
        }
    });
    found
}

/// Refuses the first statement of a cleanup run in a drop guard (`block`,
/// planned from `source`) that the guard would not write.
pub(super) fn refuse_unwritten_in_drop(source: &str, block: &Block) -> Result<()> {
    let mut unwritten = None;
    walk(block, &mut |s| {
        if !s.kind.runs_without_runtime() {
            unwritten.get_or_insert(s.span.clone());
        }
    });
    let Some(span) = unwritten else {
        return Ok(());
    };
    let text = source[span.clone()].lines().next().unwrap_or("").trim();
    refuse(
        &span,
        format!("`{text}` in a cleanup the Rust listing runs in `Drop`"),
        "Tokio cancels a task by dropping its future, so the listing runs this cleanup in a \
         drop guard, which runs it however the block is left but writes only what needs no \
         runtime (prints, assignments, computations, `cancel()`): write the statement after \
         the `try`, or hand the task a `tokio_util::sync::CancellationToken`, `select!` on \
         `token.cancelled()` beside the body, then run the cleanup in that branch",
    )
}
