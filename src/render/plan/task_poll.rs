//! `task.result()` of a task that may still run: asyncio reads it at once,
//! giving the output of a task that has finished and raising
//! `InvalidStateError: Result is not set.` for one still running. The Rust
//! listing asks the handle whether its task has finished before it takes
//! the output (see `render::rust::task_poll`), where awaiting the handle
//! would wait for the task.
//!
//! The output of a task read more than once is kept, taken just before the
//! statement that first reads it, so that read must be one the statement
//! surely makes, before anything in it awaits: there, a read in a
//! statement that awaits, in a branch of `if ... else`, behind `and` or
//! `or`, in a comprehension or a `lambda`, or in a loop's test is refused.
//! A task read once is read in place.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, FormatPart, StmtKind as P};
use std::ops::Range;

/// The expressions `e` holds, each with whether evaluating `e` surely
/// evaluates it: only the first operand of `and`, `or` and a chained
/// comparison (and its first comparand), and the test of `if ... else`,
/// are; what a comprehension or a `lambda` holds is not listed.
fn parts(e: &py::Expr) -> Vec<(&py::Expr, bool)> {
    let mut out: Vec<(&py::Expr, bool)> = Vec::new();
    match &e.kind {
        E::Attr(x, _) | E::UnaryOp(_, x) | E::Starred(x) | E::Named(_, x) | E::Await(x) => {
            out.push((x, true))
        }
        E::YieldFrom(x) => out.push((x, true)),
        E::Yield(x) => out.extend(x.as_deref().map(|x| (x, true))),
        E::Subscript(a, b) | E::BinOp(_, a, b) => out.extend([(&**a, true), (&**b, true)]),
        E::Slice(a, b, c) => out.extend([a, b, c].into_iter().flatten().map(|x| (&**x, true))),
        E::Call(f, args) => {
            out.push((f, true));
            for a in args {
                match a {
                    Arg::Positional(x) | Arg::Star(x) | Arg::Keyword(_, x) | Arg::StarStar(x) => {
                        out.push((x, true))
                    }
                }
            }
        }
        E::BoolOp(_, xs) => out.extend(xs.iter().enumerate().map(|(i, x)| (x, i == 0))),
        E::Compare(x, rest) => {
            out.push((x, true));
            out.extend(rest.iter().enumerate().map(|(i, (_, y))| (y, i == 0)));
        }
        E::IfExp(test, a, b) => out.extend([(&**test, true), (&**a, false), (&**b, false)]),
        E::List(xs) | E::Tuple(xs) | E::Set(xs) => out.extend(xs.iter().map(|x| (x, true))),
        E::Dict(items) => {
            for (k, v) in items {
                out.extend(k.as_ref().map(|k| (k, true)));
                out.push((v, true));
            }
        }
        E::FString(parts) => {
            for p in parts {
                if let FormatPart::Field { value, .. } = p {
                    out.push((value, true));
                }
            }
        }
        E::Literal(_) | E::Name(_) | E::Lambda { .. } | E::Comprehension(_) => {}
    }
    out
}

/// Where the expression at `span` stands in `root`: `None` when it is
/// inside a comprehension or a `lambda` (evaluated any number of times),
/// else whether evaluating `root` to its end surely evaluates it.
fn standing(root: &py::Expr, span: &Range<usize>) -> Option<bool> {
    if root.span == *span {
        return Some(true);
    }
    if matches!(root.kind, E::Lambda { .. } | E::Comprehension(_)) {
        return None;
    }
    let within = |x: &py::Expr| x.span.start <= span.start && span.end <= x.span.end;
    let (part, sure) = parts(root).into_iter().find(|(x, _)| within(x))?;
    standing(part, span).map(|inner| inner && sure)
}

/// The expression of `s` that a read inside it may stand in: what an
/// expression statement, an assignment or a `return` evaluates, or an
/// `if`'s test.
fn read_root(s: &py::Stmt) -> Option<&py::Expr> {
    match &s.kind {
        P::Expr(e) | P::Assign { value: e, .. } | P::AugAssign { value: e, .. } => Some(e),
        P::Return(Some(e)) | P::If { test: e, .. } => Some(e),
        _ => None,
    }
}

impl Planner<'_> {
    /// Whether `task.result()` reads a task surely done at this statement
    /// (see `plan::task_done`).
    pub(super) fn surely_done(&self, sc: &Scope, task: &str) -> bool {
        sc.done_tasks.iter().any(|t| t == task)
    }

    /// Checks `task.result()` (`e`, whose object is `obj`) of a task that
    /// may still run, outside a `TaskGroup`: where the program reads the
    /// task's output `again`, a read the statement being planned surely
    /// makes before anything in it awaits.
    pub(super) fn result_now(
        &self,
        sc: &Scope,
        e: &py::Expr,
        obj: &py::Expr,
        task: &str,
        again: bool,
    ) -> Result<()> {
        if sc
            .group_bodies
            .iter()
            .any(|(_, kept)| kept.iter().any(|t| t == task))
        {
            return refuse(
                &obj.span,
                format!("`{task}.result()` inside its `TaskGroup` block"),
                "asyncio gives the output of a group's task that has finished and raises \
                 `InvalidStateError` for one still running; the Rust listing awaits a kept \
                 task of a group at the group's end: read the result after the block",
            );
        }
        let header = self.header.borrow();
        // A loop's test is evaluated again at each turn.
        let (root, repeated) = match header.as_ref().map(|s| &s.kind) {
            Some(P::While { test, .. }) => (Some(test), true),
            _ => (header.as_ref().and_then(read_root), false),
        };
        let root = root.filter(|r| r.span.start <= e.span.start && e.span.end <= r.span.end);
        let standing = root.map(|r| standing(r, &e.span));
        if repeated || matches!(standing, Some(None)) {
            return refuse(
                &obj.span,
                format!("`{task}.result()` read again and again"),
                "asyncio gives a task's result to every read; a `JoinHandle` gives its \
                 task's output once, and the Rust listing reads a task that may still run \
                 where the program reads it once, not in a loop's test, a comprehension or \
                 a `lambda`: read the result into a variable first",
            );
        }
        let surely = root.is_some_and(|r| !r.suspends) && standing == Some(Some(true));
        if again && !surely {
            return refuse(
                &obj.span,
                format!("`{task}.result()` of a task read again, read here"),
                "asyncio reads a task's result at once (its output if it has finished, \
                 `InvalidStateError` if it still runs) and again at each read; a \
                 `JoinHandle` gives the output once, so the Rust listing takes the output \
                 of a task read more than once just before the statement that first reads \
                 it, which must surely read it (not in a branch or behind `and` or `or`) \
                 before anything in it awaits: read the result into a variable first",
            );
        }
        Ok(())
    }
}
