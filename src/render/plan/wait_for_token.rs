//! A coroutine that `asyncio.wait_for` cancels at its deadline and then
//! waits for: one that catches its cancellation and returns, or whose
//! `finally` awaits. Tokio's `timeout` drops the future, which can neither
//! return a value then nor await a cleanup, so such a coroutine is given a
//! `CancellationToken` (see `cancel_token`), made where `wait_for` calls it
//! (`f(...)` gets `f_token`): at the deadline the listing cancels the token
//! and awaits the coroutine to its end.

use super::cancel_token::{TOKEN, mentions, not_in_block};
use super::pending_tasks::global_callee;
use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, Code, ExprKind as E, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{Call, FunctionKind, TokenEnd};

/// The token made for a coroutine `wait_for` calls, and how the
/// coroutine ends when cancelled.
type Token = (String, TokenEnd);

/// Whether a statement's text awaits (or enters an `async` block).
fn awaits(text: &str) -> bool {
    text.contains("await") || text.contains("async ")
}

/// Whether a function of `body` returns a value somewhere and may also
/// end without a `return` (giving `None`): its last statement neither
/// returns nor is a `try` whose body and handlers all end in `return`.
fn falls_off_with_value(body: &[py::Stmt]) -> bool {
    let mut value = false;
    crate::program::walk(body, &mut |s| {
        value |= matches!(&s.kind, P::Return(Some(e)) if !matches!(e.kind, E::Literal(py::Literal::None)));
    });
    let returns = |b: &[py::Stmt]| matches!(b.last().map(|s| &s.kind), Some(P::Return(_)));
    let ends = match body.last().map(|s| &s.kind) {
        Some(P::Return(_)) => true,
        Some(P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }) => {
            returns(body)
                && orelse.is_empty()
                && finalbody.is_empty()
                && handlers.iter().all(|h| returns(&h.body))
        }
        _ => false,
    };
    value && !ends
}

/// The blocks of a coroutine's last statement, a `try`.
struct LastTry<'c> {
    body: &'c [py::Stmt],
    handlers: &'c [py::Handler],
    orelse: &'c [py::Stmt],
    finalbody: &'c [py::Stmt],
}

/// The statements before `code`'s last one and that last statement's
/// blocks, where `code` is a plain coroutine (no generator, no local named
/// as the token) ending in a `try`.
fn last_try(code: &Code) -> Option<(&[py::Stmt], LastTry<'_>)> {
    if !code.is_async || code.is_generator || code.locals.iter().any(|l| &**l == TOKEN) {
        return None;
    }
    let (last, before) = code.body.split_last()?;
    let P::Try {
        body,
        handlers,
        orelse,
        finalbody,
    } = &last.kind
    else {
        return None;
    };
    Some((
        before,
        LastTry {
            body,
            handlers,
            orelse,
            finalbody,
        },
    ))
}

/// Whether a function of `body` returns a value somewhere.
pub(super) fn returns_value(body: &[py::Stmt]) -> bool {
    let mut value = false;
    crate::program::walk(body, &mut |s| {
        value |= matches!(s.kind, P::Return(Some(_)));
    });
    value
}

impl Planner<'_> {
    /// Whether the variable `try: v = await asyncio.wait_for(...)` binds
    /// (`s`, in `body`) is named outside the `try` bodies that bind it so:
    /// the listing binds a value that comes as an `Option` only inside them.
    pub(super) fn value_escapes(&self, body: &[py::Stmt], s: &py::Stmt) -> bool {
        let bound = |s: &py::Stmt| -> Option<(String, std::ops::Range<usize>)> {
            self.waited_coroutine(s)?;
            let P::Try { body: tried, .. } = &s.kind else {
                return None;
            };
            let P::Assign { targets, .. } = &tried.first()?.kind else {
                return None;
            };
            let [py::Target::Name(n)] = targets.as_slice() else {
                return None;
            };
            Some((
                n.ident().to_string(),
                tried.first()?.span.start..tried.last()?.span.end,
            ))
        };
        let Some((name, _)) = bound(s) else {
            return false;
        };
        let (Some(first), Some(last)) = (body.first(), body.last()) else {
            return true;
        };
        let mut inside = 0;
        crate::program::walk(body, &mut |t| {
            if let Some((n, span)) = bound(t)
                && n == name
            {
                inside += mentions(self.text(&span), &name);
            }
        });
        mentions(self.text(&(first.span.start..last.span.end)), &name) != inside
    }

    /// `f` of `try: [x =] await asyncio.wait_for(f(...), timeout) ...
    /// except TimeoutError: ...`, the one place the listing gives `f` a
    /// token made for it.
    pub(super) fn waited_coroutine<'s>(&self, s: &'s py::Stmt) -> Option<&'s str> {
        let P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } = &s.kind
        else {
            return None;
        };
        let [h] = handlers.as_slice() else {
            return None;
        };
        let timeout_error = h.class.as_ref().is_some_and(|c| {
            self.is_member(c, Module::Asyncio, "TimeoutError")
                || matches!(&c.kind, E::Name(Name::Global(n)) if &**n == "TimeoutError")
        });
        if !timeout_error || h.star || !orelse.is_empty() || !finalbody.is_empty() {
            return None;
        }
        let awaited = match &body.first()?.kind {
            P::Expr(e) | P::Return(Some(e)) => e,
            P::Assign { targets, value } if targets.len() == 1 => value,
            _ => return None,
        };
        let E::Await(inner) = &awaited.kind else {
            return None;
        };
        let E::Call(f, args) = &inner.kind else {
            return None;
        };
        if !self.is_member(f, Module::Asyncio, "wait_for") {
            return None;
        }
        let Some(Arg::Positional(c)) = args.first() else {
            return None;
        };
        global_callee(c)
    }

    /// How the coroutine `code`, which `wait_for` runs (and, unless
    /// `waited_only`, tasks too), ends when cancelled, where a token lets
    /// the listing run that end: it catches the cancellation and returns
    /// (raising nothing), or, `wait_for` its only caller, its last
    /// statement is a `try: ... finally:` whose `finally` awaits.
    pub(super) fn token_end(&self, code: &Code, waited_only: bool) -> Option<TokenEnd> {
        let mut raises = false;
        crate::program::walk(&code.body, &mut |s| {
            raises |= matches!(s.kind, P::Raise { .. });
        });
        if self.goes_on_when_cancelled(code) {
            return (!raises && !falls_off_with_value(&code.body)).then_some(TokenEnd::Returns);
        }
        if waited_only && let Some(end) = self.reraise_end(code) {
            return Some(end);
        }
        if !waited_only || raises {
            return None;
        }
        let (
            before,
            LastTry {
                body,
                handlers,
                orelse,
                finalbody,
            },
        ) = last_try(code)?;
        let mut returns_value = false;
        crate::program::walk(&code.body, &mut |s| {
            returns_value |= matches!(s.kind, P::Return(Some(_)));
        });
        let mut nested_try = false;
        for block in [body, finalbody] {
            crate::program::walk(block, &mut |s| {
                nested_try |= matches!(s.kind, P::Try { .. });
            });
        }
        let cleanup_awaits = finalbody.iter().any(|s| awaits(self.text(&s.span)));
        let awaits_before = before.iter().any(|s| awaits(self.text(&s.span)));
        (handlers.is_empty()
            && orelse.is_empty()
            && cleanup_awaits
            && !awaits_before
            && !returns_value
            && !nested_try
            && not_in_block(finalbody).is_none())
        .then_some(TokenEnd::Raises)
    }

    /// `try: body except asyncio.CancelledError: cleanup; raise [finally:
    /// F]`, the coroutine's last statement, whose cleanup or `F` awaits:
    /// the handler runs in the token's branch, and the cancellation goes
    /// on as `None`. Nothing before the `try` awaits; the only `return`
    /// ends its body, the only `raise` its handler; neither block leaves
    /// early or binds a variable, nor holds a `try`.
    fn reraise_end(&self, code: &Code) -> Option<TokenEnd> {
        let (
            before,
            LastTry {
                body,
                handlers,
                orelse,
                finalbody,
            },
        ) = last_try(code)?;
        let [h] = handlers else {
            return None;
        };
        let reraises = matches!(
            h.body.last().map(|s| &s.kind),
            Some(P::Raise {
                exc: None,
                cause: None
            })
        );
        if !orelse.is_empty() || !reraises || !self.catches_cancel(h) {
            return None;
        }
        let cleanup = &h.body[..h.body.len() - 1];
        let (body, returns) = match body.split_last() {
            Some((l, init)) if matches!(l.kind, P::Return(Some(_))) => (init, 1),
            _ => (body, 0),
        };
        let (mut leaves, mut tries) = (0, 0);
        crate::program::walk(&code.body, &mut |s| {
            leaves += usize::from(matches!(s.kind, P::Return(_) | P::Raise { .. }));
            tries += usize::from(matches!(s.kind, P::Try { .. }));
        });
        let awaiting = |b: &[py::Stmt]| b.iter().any(|s| awaits(self.text(&s.span)));
        let cleanup_awaits = awaiting(finalbody);
        let fits = [body, cleanup, finalbody]
            .iter()
            .all(|b| not_in_block(b).is_none());
        (leaves == returns + 1
            && tries == 1
            && !awaiting(before)
            && (awaiting(cleanup) || cleanup_awaits)
            && fits)
            .then_some(TokenEnd::Reraises { cleanup_awaits })
    }

    /// The call of `wait_for`'s coroutine `c`, and, where it watches a
    /// token, the token made for it and how it ends when cancelled. Its
    /// `timeout` must then be a number above zero: at zero or below,
    /// asyncio cancels the coroutine before it starts, while Tokio's
    /// `timeout` runs it to its first await.
    pub(super) fn waited_call(
        &self,
        sc: &mut Scope,
        c: &py::Expr,
        timeout: &py::Expr,
    ) -> Result<Option<(Call, Option<Token>)>> {
        let end = match &c.kind {
            E::Call(g, _) => match &g.kind {
                E::Name(Name::Global(n)) => self.token_ends.get(&**n).map(|e| (n, *e)),
                _ => None,
            },
            _ => None,
        };
        let Some((name, end)) = end else {
            let call = self.user_call(sc, c, &[FunctionKind::Coroutine])?;
            return Ok(call.map(|call| (call, None)));
        };
        let positive = match &timeout.kind {
            E::Literal(py::Literal::Int(n)) => *n > 0,
            E::Literal(py::Literal::Float(x)) => *x > 0.0,
            _ => false,
        };
        if !positive {
            return refuse(
                &timeout.span,
                format!(
                    "this timeout of `wait_for` around `{name}`, which handles its cancellation"
                ),
                "asyncio cancels the coroutine before it starts when the timeout is zero or \
                 less, while Tokio's `timeout` runs it to its first await: the Rust listing \
                 takes a number above zero written in place",
            );
        }
        *self.token_for.borrow_mut() = Some(format!("{name}_{TOKEN}"));
        let call = self.user_call(sc, c, &[FunctionKind::Coroutine]);
        let unused = self.token_for.borrow_mut().take().is_some();
        let token = (!unused).then(|| (format!("{name}_{TOKEN}"), end));
        Ok(call?.map(|call| (call, token)))
    }
}
