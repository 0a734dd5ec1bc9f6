//! A task that catches its own cancellation and goes on (`except
//! asyncio.CancelledError:` that does not `raise`). Tokio aborts a task by
//! dropping its future, which ends it for good, so such a coroutine is given
//! a `tokio_util::sync::CancellationToken` as a last parameter, `token`,
//! made where it is spawned (`t = asyncio.create_task(f(...))` makes
//! `t_token`): its `try` runs under `select!` with `token.cancelled()`, and
//! `t.cancel()` is `t_token.cancel()`.

use super::name_reads::name_reads;
use super::pending_tasks::global_callee;
use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, Code, ExprKind as E, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{Call, FunctionKind, StmtKind, TokenEnd};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::primitive::{PrimOp, Primitive, PrimitiveKind};
use std::collections::HashMap;

/// The parameter a cancellable coroutine gets its token in.
pub(super) const TOKEN: &str = "token";

/// What may stand in the `try` body of a cancellable coroutine: it runs
/// as one `async` block under `select!`.
const BODY: &str = "the Rust listing runs the `try` body of a task that goes on after its \
                    cancellation as one `async` block beside `token.cancelled()`: its statements \
                    do not `return`, `break`, `continue`, `raise` or assign variables (`+=` on one \
                    bound before aside)";

/// Whether a handler lets the cancellation go on: a bare `raise`. (One
/// that returns, or raises another exception, ends the task with that,
/// from the token's branch.)
fn ends(h: &py::Handler) -> bool {
    matches!(
        h.body.last().map(|s| &s.kind),
        Some(P::Raise { exc: None, .. })
    )
}

/// The first statement of a `try` body run as one `async` block that
/// the block cannot hold: one that leaves it or binds a variable (a
/// variable bound before, changed in place with `+=`, it may change).
pub(super) fn not_in_block(body: &[py::Stmt]) -> Option<crate::program::Span> {
    let mut found = None;
    crate::program::walk(body, &mut |b| {
        let bad = match &b.kind {
            P::Return(_) | P::Break | P::Continue | P::Raise { .. } | P::Assign { .. } => true,
            P::AugAssign { target, .. } => !matches!(target, py::Target::Name(Name::Local(..))),
            _ => false,
        };
        if found.is_none() && bad {
            found = Some(b.span.clone());
        }
    });
    found
}

/// How many times `name` stands as a word in `source`.
pub(super) fn mentions(source: &str, name: &str) -> usize {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source
        .match_indices(name)
        .filter(|(i, _)| {
            let before = source[..*i].chars().next_back().is_none_or(|c| !word(c));
            let after = source[i + name.len()..]
                .chars()
                .next()
                .is_none_or(|c| !word(c));
            before && after
        })
        .count()
}

impl<'p> Planner<'p> {
    /// Whether `h` is `except asyncio.CancelledError:` (without `as`).
    pub(super) fn catches_cancel(&self, h: &py::Handler) -> bool {
        h.name.is_none()
            && !h.star
            && h.class
                .as_ref()
                .is_some_and(|c| self.is_member(c, Module::Asyncio, "CancelledError"))
    }

    /// The coroutines given a token: each goes on after its cancellation,
    /// or awaits a cleanup before it ends cancelled (see `cancel_ends`),
    /// and is named only where it is spawned, `t = asyncio.create_task(f(...))`.
    pub(super) fn scan_cancellable(
        &mut self,
        module: &'p [py::Stmt],
        codes: &[(String, &'p Code, bool)],
    ) {
        let mut spawned: HashMap<&str, usize> = HashMap::new();
        let mut waited: HashMap<&str, usize> = HashMap::new();
        // Spawned as the tasks of a list made at once (see `cancel_end_lists`).
        let mut listed: HashMap<&str, usize> = HashMap::new();
        let mut escaping = std::collections::HashSet::new();
        let bodies: Vec<&[py::Stmt]> = codes
            .iter()
            .map(|(_, c, _)| &c.body[..])
            .chain([module])
            .collect();
        for &body in &bodies {
            crate::program::walk(body, &mut |s| {
                if let Some(f) = self.spawned_coroutine(s) {
                    *spawned.entry(f).or_default() += 1;
                }
                if let Some((_, f)) = self.listed_spawn(s) {
                    *spawned.entry(f).or_default() += 1;
                    *listed.entry(f).or_default() += 1;
                }
                if let Some(f) = self.waited_coroutine(s) {
                    *waited.entry(f).or_default() += 1;
                    if self.value_escapes(body, s) {
                        escaping.insert(f);
                    }
                }
            });
        }
        let mut token_ends = HashMap::new();
        let mut cancel_ends = HashMap::new();
        let mut cancellable = std::collections::HashSet::new();
        for (name, code, method) in codes {
            let spawns = spawned.get(name.as_str()).copied().unwrap_or(0);
            let waits = waited.get(name.as_str()).copied().unwrap_or(0);
            // Every other read (a call, a reference) would lack the token.
            if *method
                || codes.iter().filter(|(n, ..)| n == name).count() != 1
                || spawns + waits == 0
                || spawns + waits != name_reads(module, name)
            {
                continue;
            }
            let in_lists = listed.contains_key(name.as_str());
            if waits == 0 {
                if !in_lists
                    && self.goes_on_when_cancelled(code)
                    && self.kept_tasks_awaited(&bodies, name)
                {
                    cancellable.insert(name.clone());
                } else if let Some(end) = self.cancel_end(code)
                    && self.cancel_ended_uses(&bodies, name)
                    && self.listed_end_uses(&bodies, codes, name)
                {
                    cancellable.insert(name.clone());
                    cancel_ends.insert(name.clone(), end);
                }
            } else if !in_lists
                && let Some(end) = self.token_end(code, spawns == 0)
                && !(matches!(end, TokenEnd::Reraises { .. })
                    && escaping.contains(name.as_str())
                    && super::wait_for_token::returns_value(&code.body))
            {
                cancellable.insert(name.clone());
                token_ends.insert(name.clone(), end);
            }
        }
        self.cancellable = cancellable;
        self.token_ends = token_ends;
        self.cancel_ends = cancel_ends;
    }

    /// `f` of `t = asyncio.create_task(f(...))`, or of a task `asyncio.run`
    /// cancels at its end (see `pending_tasks`).
    fn spawned_coroutine<'s>(&self, s: &'s py::Stmt) -> Option<&'s str> {
        if let P::Expr(e) = &s.kind
            && self.pending_handle(s.span.start).is_some()
        {
            return self.created_coroutine(e);
        }
        let P::Assign { targets, value } = &s.kind else {
            return None;
        };
        let (E::Call(f, args), [py::Target::Name(_)]) = (&value.kind, targets.as_slice()) else {
            return None;
        };
        if !self.is_member(f, Module::Asyncio, "create_task") {
            return None;
        }
        let Some(Arg::Positional(c)) = args.first() else {
            return None;
        };
        global_callee(c)
    }

    /// Whether the coroutine `code` goes on after its cancellation: each of
    /// its `except asyncio.CancelledError:` (one at least) goes on, around
    /// a body that is not `await task` alone (that one reads the awaited
    /// task's `JoinError`).
    pub(super) fn goes_on_when_cancelled(&self, code: &Code) -> bool {
        if !code.is_async || code.is_generator || code.locals.iter().any(|l| &**l == TOKEN) {
            return false;
        }
        let (mut going_on, mut ending) = (0, 0);
        crate::program::walk(&code.body, &mut |s| {
            let P::Try {
                body,
                handlers,
                finalbody,
                ..
            } = &s.kind
            else {
                return;
            };
            // A `finally` with no handler of the cancellation lets it go on up.
            if !finalbody.is_empty() && !handlers.iter().any(|h| self.catches_cancel(h)) {
                ending += 1;
            }
            let awaits_name = matches!(body.as_slice(), [py::Stmt { kind: P::Expr(e), .. }]
                if matches!(&e.kind, E::Await(x) if local_name(x).is_some()));
            for h in handlers.iter().filter(|h| self.catches_cancel(h)) {
                if ends(h) || awaits_name {
                    ending += 1;
                } else {
                    going_on += 1;
                }
            }
        });
        going_on > 0 && ending == 0 && !self.awaits_unwatched(&code.body)
    }

    /// Whether `body` awaits outside the `try` bodies and handlers of its
    /// `except asyncio.CancelledError:`: a cancellation arriving there ends
    /// the task in Python, where nothing in the listing watches the token.
    fn awaits_unwatched(&self, body: &[py::Stmt]) -> bool {
        let awaits = |block: &[py::Stmt]| {
            block.iter().any(|s| {
                let text = self.text(&s.span);
                text.contains("await") || text.contains("async ")
            })
        };
        body.iter().any(|s| match &s.kind {
            P::Try {
                handlers,
                orelse,
                finalbody,
                ..
            } if handlers.iter().any(|h| self.catches_cancel(h)) => {
                awaits(orelse) || awaits(finalbody)
            }
            _ => awaits(std::slice::from_ref(s)),
        })
    }

    /// Whether `try: body except asyncio.CancelledError:` that goes on
    /// stands in a coroutine given a token, around a body `select!` can run.
    /// With `handler_returns`, the body may end in `return`: the value of
    /// its `async` block, as the handler's is of the token's branch.
    pub(super) fn token_try(
        &self,
        sc: &Scope,
        body: &[py::Stmt],
        handler_returns: bool,
    ) -> Result<bool> {
        if sc.prims.get(TOKEN) != Some(&PrimitiveKind::Token) {
            return Ok(false);
        }
        let body = match body.split_last() {
            Some((last, init)) if handler_returns && matches!(last.kind, P::Return(_)) => init,
            _ => body,
        };
        match not_in_block(body) {
            Some(span) => refuse(
                &span,
                "this statement in a `try` whose task goes on after its cancellation",
                BODY,
            ),
            None => Ok(true),
        }
    }

    /// The token argument of a call of `callee`, if it goes on after its
    /// cancellation: the token made for the task being spawned, or the
    /// caller's own (a child cancelled with its parent).
    pub(super) fn token_arg(
        &self,
        sc: &Scope,
        callee: &str,
        span: &std::ops::Range<usize>,
    ) -> Result<Option<Expr>> {
        if !self.cancellable.contains(callee) {
            return Ok(None);
        }
        let var = match self.token_for.borrow_mut().take() {
            Some(token) => token,
            None if sc.prims.get(TOKEN) == Some(&PrimitiveKind::Token) => TOKEN.to_string(),
            None => {
                return refuse(
                    span,
                    format!("this call of `{callee}`, which goes on after its cancellation"),
                    "the Rust listing gives such a coroutine a `CancellationToken` where it is \
                     spawned, `t = asyncio.create_task(f(...))`, and cancels it with \
                     `t.cancel()`",
                );
            }
        };
        Ok(Some(Expr {
            kind: ExprKind::Var(var),
            span: span.clone(),
        }))
    }

    /// `var = asyncio.create_task(c)`: the call, and the token made for the
    /// task first when the coroutine goes on after its cancellation.
    pub(super) fn spawn_call(
        &self,
        sc: &mut Scope,
        var: &str,
        c: &py::Expr,
    ) -> Result<Option<Call>> {
        *self.token_for.borrow_mut() = Some(format!("{var}_{TOKEN}"));
        let call = self.user_call(sc, c, &[FunctionKind::Coroutine]);
        let unused = self.token_for.borrow_mut().take().is_some();
        let call = call?;
        if !unused {
            let token = format!("{var}_{TOKEN}");
            sc.prims.insert(token.clone(), PrimitiveKind::Token);
            self.lifted.borrow_mut().push(StmtKind::Primitive {
                name: token,
                made: Primitive::Token,
            });
        }
        Ok(call)
    }

    /// `task.cancel()` of a task given a token: `task_token.cancel()`.
    pub(super) fn token_cancel(&self, sc: &Scope, task: &str) -> Option<StmtKind> {
        let token = format!("{task}_{TOKEN}");
        (sc.prims.get(&token) == Some(&PrimitiveKind::Token)).then_some(StmtKind::PrimCall {
            object: token,
            op: PrimOp::Cancel,
            arg: None,
            into: None,
        })
    }
}

/// Whether `span` is a statement of the handler of a task that goes on
/// after its cancellation (`cancellable`), with no `finally` after it:
/// the handler runs in the token's `select!` branch, where an exception
/// leaves the function as an `Err` (a `finally` would be skipped).
pub(super) fn in_token_branch(
    demo: &crate::render::plan::ir::ast::Demo,
    cancellable: &std::collections::HashSet<String>,
    span: &std::ops::Range<usize>,
) -> bool {
    use crate::render::plan::ir::ast::{StmtKind as K, walk};
    let mut found = false;
    for f in demo
        .functions
        .iter()
        .filter(|f| cancellable.contains(&f.name))
    {
        walk(&f.body, &mut |s| {
            if let K::Try {
                on_cancel, finally, ..
            } = &s.kind
                && finally.is_empty()
            {
                walk(on_cancel, &mut |h| found |= h.span == *span);
            }
        });
    }
    found
}
