//! A list of tasks made at once, `tasks = [asyncio.create_task(f(...))
//! for i in range(n)]`, of a coroutine whose cancellation ends it after a
//! cleanup that awaits (see `cancel_ends`). Each task watches a token of
//! its own, made where the list is made and kept by the task's id, which
//! `t.cancel()` of an item cancels; each task gives whether it ended
//! cancelled.
//!
//! The listing takes the list where it is read in two loops only, in the
//! block that made it: `for t in tasks: t.cancel()` once, after a
//! statement that surely lets the tasks start (asyncio cancels a task that
//! has not started before its first statement, where the listing's task
//! would start and run its cleanup), then `for t in tasks: try: await t
//! except asyncio.CancelledError: ...` (whose handler reads `t` only as
//! `t.cancelled()` or `t.get_name()`), with nothing that can leave the
//! block between the list and that loop: every task is awaited, none
//! left for `asyncio.run` to cancel at its end.

use super::cancel_ends::{awaited_in_try, leaves};
use super::cancel_token::{TOKEN, mentions};
use super::name_reads::name_reads;
use super::pending_tasks::global_callee;
use super::scope::Scope;
use super::stmt::{local_name, method_call};
use super::{Planner, Result, early_cancel::DEPTH};
use crate::program::{self as py, Arg, Code, ExprKind as E, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{Call, FunctionKind};

/// The methods of a task the awaiting loop's handler may call.
const READS: &[&str] = &["cancelled", "get_name"];

/// `(list, t)` of `for t in list:` (no `else`) around the one statement `body`.
fn loop_over(s: &py::Stmt) -> Option<(&str, &str, &py::Stmt)> {
    let P::For {
        is_async: false,
        target: py::Target::Name(t),
        iter,
        body,
        orelse,
    } = &s.kind
    else {
        return None;
    };
    match (body.as_slice(), orelse.is_empty()) {
        ([only], true) => Some((local_name(iter)?, &**t.ident(), only)),
        _ => None,
    }
}

/// `list` of `for t in list: t.cancel()`.
fn cancel_loop(s: &py::Stmt) -> Option<&str> {
    let (list, t, only) = loop_over(s)?;
    let P::Expr(e) = &only.kind else { return None };
    (method_call(e, "cancel").and_then(local_name) == Some(t)).then_some(list)
}

/// `(list, t, handler)` of `for t in list: try: await t except
/// asyncio.CancelledError: handler`.
fn await_loop(s: &py::Stmt) -> Option<(&str, &str, &py::Handler)> {
    let (list, t, only) = loop_over(s)?;
    let (awaited, h) = awaited_in_try(only)?;
    (awaited == t).then_some((list, t, h))
}

/// Counts the calls `task.m()` of a method `m` of [`READS`].
fn task_reads(block: &[py::Stmt], task: &str) -> usize {
    struct Reads<'a>(&'a str, usize);
    impl crate::program::visit_mut::VisitMut for Reads<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            if READS
                .iter()
                .any(|m| method_call(e, m).and_then(local_name) == Some(self.0))
            {
                self.1 += 1;
            }
        }
    }
    let mut reads = Reads(task, 0);
    crate::program::visit_mut::block_mut(&mut block.to_vec(), &mut reads);
    reads.1
}

impl<'p> Planner<'p> {
    /// The call `c` of a task of a list of tasks: given the token its
    /// comprehension makes where its coroutine's cancellation ends it
    /// after a cleanup that awaits.
    pub(super) fn listed_coroutine_call(
        &self,
        sc: &Scope,
        c: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<Call>> {
        if global_callee(c).is_some_and(|f| self.cancel_ends.contains_key(f)) {
            *self.token_for.borrow_mut() = Some(TOKEN.to_string());
        }
        let call = self.coroutine_call(sc, c, f, args);
        self.token_for.borrow_mut().take();
        call
    }

    /// [`Self::listed_coroutine_call`] of a call of the program's
    /// definitions (see [`Self::user_call`]).
    pub(super) fn listed_call(&self, sc: &mut Scope, c: &py::Expr) -> Result<Option<Call>> {
        if global_callee(c).is_some_and(|f| self.cancel_ends.contains_key(f)) {
            *self.token_for.borrow_mut() = Some(TOKEN.to_string());
        }
        let call = self.user_call(sc, c, &[FunctionKind::Coroutine]);
        self.token_for.borrow_mut().take();
        call
    }

    /// `(list, f)` of `list = [asyncio.create_task(f(...)) for v in
    /// range(...)]`: one `for` over a `range`, without `if`.
    pub(super) fn listed_spawn<'s>(&self, s: &'s py::Stmt) -> Option<(&'s str, &'s str)> {
        let P::Assign { targets, value } = &s.kind else {
            return None;
        };
        let ([py::Target::Name(list)], E::Comprehension(c)) = (targets.as_slice(), &value.kind)
        else {
            return None;
        };
        let [g] = c.generators.as_slice() else {
            return None;
        };
        let over_range = matches!(&g.iter.kind, E::Call(r, _)
            if matches!(&r.kind, E::Name(Name::Global(n)) if &**n == "range"));
        if c.kind != py::CompKind::List
            || c.is_async
            || g.is_async
            || !g.ifs.is_empty()
            || !over_range
            || !matches!(g.target, py::Target::Name(_))
        {
            return None;
        }
        let E::Call(spawn, args) = &c.element.kind else {
            return None;
        };
        let [Arg::Positional(call)] = args.as_slice() else {
            return None;
        };
        // The loop that makes the tasks names each `token` and `handle`.
        let text = self.text(&value.span);
        if !self.is_member(spawn, Module::Asyncio, "create_task")
            || ["token", "handle"].iter().any(|n| mentions(text, n) > 0)
        {
            return None;
        }
        Some((&**list.ident(), global_callee(call)?))
    }

    /// Whether every list of `f`'s tasks made at once is read as the
    /// module's comment says, in the block that made it.
    pub(super) fn listed_end_uses(
        &self,
        bodies: &[&[py::Stmt]],
        codes: &[(String, &Code, bool)],
        f: &str,
    ) -> bool {
        let mut fits = true;
        for body in bodies {
            self.each_block(body, &mut |block| {
                for (i, s) in block.iter().enumerate() {
                    if let Some((list, g)) = self.listed_spawn(s)
                        && g == f
                    {
                        fits &= self.list_read_in_loops(block, i, list, codes);
                    }
                }
            });
        }
        fits
    }

    /// Whether the list made by `block[made]` is read only by a cancelling
    /// loop after a statement that lets its tasks start, then an awaiting
    /// loop, with nothing that can leave the block before that one.
    fn list_read_in_loops(
        &self,
        block: &[py::Stmt],
        made: usize,
        list: &str,
        codes: &[(String, &Code, bool)],
    ) -> bool {
        let rest = &block[made + 1..];
        let cancels = rest.iter().position(|s| cancel_loop(s) == Some(list));
        let awaits = rest
            .iter()
            .position(|s| await_loop(s).is_some_and(|(l, ..)| l == list));
        let (Some(c), Some(a)) = (cancels, awaits) else {
            return false;
        };
        let started = rest[..c].iter().any(|s| self.suspends(s, codes, DEPTH));
        let Some((_, t, h)) = await_loop(&rest[a]) else {
            return false;
        };
        let handler_reads = task_reads(&h.body, t) == name_reads(&h.body, t);
        started
            && c < a
            && !leaves(&rest[..a])
            && self.catches_cancel(h)
            && handler_reads
            && name_reads(&self.program.module.body, list) == 2
    }
}
