//! `try` statements: cancellation cleanup (`except asyncio.CancelledError`,
//! `finally`) and the `try` around `asyncio.wait_for`.

use super::scope::Scope;
use super::stmt::EXCEPTIONS;
use super::stmt::{Step, one};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{FunctionKind, Handler, Stmt, StmtKind, class_var, repr_var};
use crate::render::plan::ir::exc_groups::GROUP;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::primitive::PrimitiveKind;
use crate::render::plan::ir::value::Value;

/// An `except` clause around the statement being planned.
#[derive(Clone)]
pub(super) struct Caught {
    /// `as name`.
    pub(super) name: Option<String>,
    /// The classes it takes.
    pub(super) classes: Vec<String>,
    /// The one class it takes, if one: `type(e).__name__`.
    pub(super) class: Option<String>,
    /// What `str(e)` always gives, where it is fixed: the `TimeoutError`
    /// of `asyncio.wait_for` has no message.
    pub(super) text: Option<String>,
    /// The places of `e.args` that `print` shows.
    pub(super) args_shown: Vec<std::ops::Range<usize>>,
    /// Whether the handler raises the exception again.
    pub(super) reraised: bool,
}

/// Whether `s` is a `try` with only a `finally`, outside a task that goes
/// on after its cancellation: a block whose drop guard runs the cleanup
/// however the block is left, `break` and `continue` too, as Python's
/// `finally` does.
pub(super) fn finally_only(sc: &Scope, s: &py::Stmt) -> bool {
    matches!(&s.kind, P::Try { handlers, orelse, .. } if handlers.is_empty() && orelse.is_empty())
        && sc.prims.get(super::cancel_token::TOKEN) != Some(&PrimitiveKind::Token)
}

/// Whether `body` is `await task` alone, of a task the function made (or
/// of a loop over a list of them).
fn awaits_task(sc: &Scope, body: &[py::Stmt]) -> bool {
    let [st] = body else {
        return false;
    };
    matches!(&st.kind, P::Expr(e) if matches!(&e.kind, E::Await(t)
        if matches!(&t.kind, E::Name(n @ Name::Local(..))
            if sc.tasks.iter().chain(&sc.task_loops).any(|k| k == &**n.ident()))))
}

impl Planner<'_> {
    /// `try` with `except asyncio.CancelledError` and `finally`, or around
    /// `asyncio.wait_for` with `except TimeoutError`.
    pub(super) fn try_(&self, sc: &mut Scope, s: &py::Stmt) -> Result<Step> {
        let P::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } = &s.kind
        else {
            unreachable!("called for a try")
        };
        let class_is = |h: &py::Handler, m: &str| {
            h.class.as_ref().is_some_and(|c| {
                self.is_member(c, Module::Asyncio, m)
                    || matches!(&c.kind, E::Name(Name::Global(n)) if m == "TimeoutError" && &**n == m)
            })
        };
        let cancel_only = handlers.iter().all(|h| class_is(h, "CancelledError"));
        if !orelse.is_empty() && cancel_only {
            return refuse(
                &s.span,
                "`try ... else`",
                "the Rust listing's `try ... else` takes exceptions of its `Err`, not a \
                 cancellation",
            );
        }
        if handlers.iter().any(|h| h.star) || !orelse.is_empty() {
            return self.catch(sc, s, body, handlers, orelse, finalbody);
        }
        if let [h] = handlers.as_slice()
            && class_is(h, "TimeoutError")
            && finalbody.is_empty()
            && !self.threadsafe_timed_first(sc, body)
            && !self.times_map(body)
        {
            if let [
                inner @ py::Stmt {
                    kind:
                        P::With {
                            is_async: true,
                            item,
                            ..
                        },
                    ..
                },
            ] = body.as_slice()
                && self.is_deadline(&item.context)
            {
                return self.deadline(sc, inner, Some(h));
            }
            return self.wait_for(sc, s, body, h);
        }
        if let Some(step) = self.threadsafe_cancelled_try(sc, s, body, handlers, finalbody)? {
            return Ok(step);
        }
        if !cancel_only {
            return self.catch(sc, s, body, handlers, orelse, finalbody);
        }
        if let [h] = handlers.as_slice()
            && h.name.is_none()
            && finalbody.is_empty()
            && let Some(step) = self.result_cancelled(sc, s, body, &h.body)?
        {
            return Ok(step);
        }
        // A `try: ... finally:` of a coroutine given a token: its body
        // runs beside `token.cancelled()`.
        if handlers.is_empty() {
            self.token_try(sc, body, false)?;
        }
        for h in handlers.iter().filter(|h| self.catches_cancel(h)) {
            self.refuse_shutdown_spawn(body, h)?;
        }
        let mut on_cancel: &[py::Stmt] = &[];
        for h in handlers {
            if let (Some(n), Some(c)) = (&h.name, &h.class) {
                return refuse(
                    &h.span,
                    format!("`except {} as {}`", self.text(&c.span), n.ident()),
                    "Tokio cancels a task by dropping its future: there is no exception to name",
                );
            }
            if handlers.len() > 1 {
                return refuse(
                    &h.span,
                    "a second `except asyncio.CancelledError`",
                    "Tokio cancels a task by dropping its future: one cleanup runs",
                );
            }
            on_cancel = match h.body.split_last() {
                Some((last, init))
                    if matches!(
                        last.kind,
                        P::Raise {
                            exc: None,
                            cause: None
                        }
                    ) =>
                {
                    init
                }
                // The awaiter's `except` goes on after the task's cancellation.
                Some((last, _)) if matches!(last.kind, P::Return(_)) && awaits_task(sc, body) => {
                    &h.body
                }
                // A task given a token returns from the token's branch.
                Some((last, _))
                    if matches!(last.kind, P::Return(_)) && self.token_try(sc, body, true)? =>
                {
                    &h.body
                }
                Some((last, _)) if matches!(last.kind, P::Return(_)) => {
                    return refuse(
                        &last.span,
                        "a `return` in `except asyncio.CancelledError`",
                        "the coroutine swallows its cancellation and ends normally, so its awaiter \
                         gets what it returns; Tokio cancels by dropping the future, and the awaiter \
                         gets a `JoinError` (or `timeout`'s `Elapsed`) instead: hand the coroutine a \
                         `CancellationToken` and `select!` on `token.cancelled()` to return a value",
                    );
                }
                // `try: await task`: the awaiter gets the task's cancellation
                // as a value (a `JoinError`) and may go on.
                _ if awaits_task(sc, body) => &h.body,
                // A task given a token goes on after `select!` takes the cancellation.
                _ if self.token_try(sc, body, false)? => &h.body,
                _ => {
                    return refuse(
                        &h.span,
                        "an `except asyncio.CancelledError` that goes on",
                        "the plan's cancellation handler ends the function, as Tokio's dropped \
                         future does: end it with `raise` (or `return`)",
                    );
                }
            };
        }
        let joins = awaits_task(sc, body);
        super::cleanup_awaits::refuse_awaiting_handler(sc, on_cancel, joins)?;
        let body = self.block(sc, body)?;
        let on_cancel = self.block(sc, on_cancel)?;
        // An async generator's `try ... finally` has a cleanup of its own.
        let spawned = sc.kind == FunctionKind::Generator && on_cancel.is_empty();
        super::cleanup_awaits::refuse_awaiting_finally(sc, finalbody, spawned)?;
        if spawned {
            super::cleanup_awaits::refuse_generator_finally(&self.program.source, finalbody)?;
        }
        let finally = self.block(sc, finalbody)?;
        // Outside a task given a token, the cleanups run in drop guards
        // (the handler of `await task` in place).
        if sc.prims.get(super::cancel_token::TOKEN) != Some(&PrimitiveKind::Token) {
            let source = &self.program.source;
            if !joins {
                super::cleanup_awaits::refuse_unwritten_in_drop(source, &on_cancel)?;
            }
            if !spawned {
                super::cleanup_awaits::refuse_unwritten_in_drop(source, &finally)?;
            }
        }
        let kind = StmtKind::Try {
            body,
            on_cancel,
            finally,
        };
        one(s, kind)
    }

    /// `try: [into =] await asyncio.wait_for(call, timeout=...); body
    /// except TimeoutError: on_timeout`, named by the statement that awaits.
    pub(super) fn wait_for(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        body: &[py::Stmt],
        h: &py::Handler,
    ) -> Result<Step> {
        let Some((first, rest)) = body.split_first() else {
            unreachable!("a try has a body")
        };
        let (awaited, into) = match &first.kind {
            P::Expr(e) => (e, None),
            P::Assign { targets, value } if targets.len() == 1 => {
                (value, Some(self.target(sc, &targets[0], &first.span)?))
            }
            // `return await asyncio.wait_for(...)`: the value, then its return.
            P::Return(Some(e)) if rest.is_empty() => (e, Some(returned_var(body))),
            _ => return self.not_wait_for(first),
        };
        let E::Await(inner) = &awaited.kind else {
            return self.not_wait_for(first);
        };
        let E::Call(f, args) = &inner.kind else {
            return self.not_wait_for(first);
        };
        if !self.is_member(f, Module::Asyncio, "wait_for") {
            return self.not_wait_for(first);
        }
        let (call, timeout) = match args.as_slice() {
            [Arg::Positional(c), Arg::Keyword(k, t)] if &**k == "timeout" => (c, t),
            [Arg::Positional(c), Arg::Positional(t)] => (c, t),
            _ => return self.not_wait_for(first),
        };
        if into.is_none()
            && rest.is_empty()
            && h.name.is_none()
            && let Some(k) = self.caught_wait_for(sc, inner, &h.body)?
        {
            return one(s, k);
        }
        let Some((call, token)) = self.waited_call(sc, call, timeout)? else {
            return self.not_wait_for(first);
        };
        let timeout = self.expr(sc, timeout)?;
        // What the call and the timeout lift goes before the statement,
        // not into the blocks planned next.
        let lifted = self.lifted.take();
        let mut body = self.block(sc, rest)?;
        if let (P::Return(_), Some(v)) = (&first.kind, &into) {
            let value = Expr {
                kind: ExprKind::Var(v.clone()),
                span: first.span.clone(),
            };
            body.push(Stmt {
                id: first.id,
                span: first.span.clone(),
                kind: StmtKind::Return(Some(value)),
            });
        }
        // `except TimeoutError as e`: an exception without a message.
        sc.caught.push(Caught {
            name: h.name.as_ref().map(|n| n.ident().to_string()),
            classes: vec!["TimeoutError".into()],
            class: Some("TimeoutError".into()),
            text: Some(String::new()),
            args_shown: Vec::new(),
            reraised: false,
        });
        let on_timeout = self.block(sc, &h.body);
        sc.caught.pop();
        let kind = StmtKind::WaitFor {
            call,
            timeout,
            into,
            body,
            on_timeout: on_timeout?,
            token,
        };
        self.lifted.borrow_mut().extend(lifted);
        let stmt = Stmt {
            id: first.id,
            span: s.span.clone(),
            kind,
        };
        Ok((Some(stmt), 1))
    }

    pub(super) fn not_wait_for<T>(&self, first: &py::Stmt) -> Result<T> {
        refuse(
            &first.span,
            "`except TimeoutError` around this",
            "the Rust listing translates `try: x = await asyncio.wait_for(f(...), timeout=...)` \
             first, then `except TimeoutError:`",
        )
    }
}

impl Planner<'_> {
    /// `try: body except Class as name: handler ...` on built-in exception
    /// classes: the body's `Err` goes to the first handler taking its class.
    fn catch(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        body: &[py::Stmt],
        handlers: &[py::Handler],
        orelse: &[py::Stmt],
        finalbody: &[py::Stmt],
    ) -> Result<Step> {
        let mut returns = None;
        let returning = self.returning_try(s, body);
        py::walk(body, &mut |st| {
            if matches!(st.kind, P::Return(_)) && returns.is_none() {
                returns = Some(st.span.clone());
            }
        });
        if let Some(span) = returns.filter(|_| !returning) {
            return refuse(
                &span,
                "a `return` inside a `try` with `except`",
                "the Rust listing runs the `try` block as an `async` block whose `Err` the \
                 handlers take; a `return` there would end only the block (it translates a \
                 `try` ending its function whose block ends in `return` and whose handlers \
                 all `raise`)",
            );
        }
        let body = self.exit_caught_in(sc, handlers, |sc| self.block(sc, body))?;
        let mut out = Vec::new();
        for h in handlers {
            let classes = self.handler_classes(h)?;
            let name = h.name.as_ref().map(|n| n.ident().to_string());
            if h.star {
                super::exc_star::no_reraise(&h.body)?;
                super::exc_star::no_group_class(h, &classes)?;
            }
            let class = if h.star {
                Some(GROUP.to_string())
            } else {
                // `type(e).__name__` names a subclass of a base class.
                (classes.len() == 1
                    && !crate::render::plan::ir::raises::has_subclasses(&classes[0]))
                .then(|| classes[0].clone())
            };
            sc.caught
                .push(self.caught(name.clone(), &classes, class, &h.body));
            let handled = self.block(sc, &h.body);
            sc.caught.pop();
            out.push(Handler {
                classes,
                name,
                body: handled?,
                star: h.star,
            });
        }
        let orelse = self.block(sc, orelse)?;
        super::cleanup_awaits::refuse_awaiting_finally(sc, finalbody, false)?;
        let finally = self.block(sc, finalbody)?;
        // Its drop guard runs the `finally` however the `try` is left.
        if sc.prims.get(super::cancel_token::TOKEN) != Some(&PrimitiveKind::Token) {
            super::cleanup_awaits::refuse_unwritten_in_drop(&self.program.source, &finally)?;
        }
        let kind = StmtKind::Catch {
            body,
            handlers: out,
            orelse,
            finally,
        };
        one(s, kind)
    }

    /// The classes an `except` names: `except:` takes `BaseException`.
    fn handler_classes(&self, h: &py::Handler) -> Result<Vec<String>> {
        let Some(c) = &h.class else {
            return Ok(vec!["BaseException".into()]);
        };
        let items: Vec<&py::Expr> = match &c.kind {
            E::Tuple(xs) => xs.iter().collect(),
            _ => vec![c],
        };
        let mut out: Vec<String> = items
            .into_iter()
            .map(|x| match &x.kind {
                E::Name(Name::Global(n))
                    if (EXCEPTIONS.contains(&&**n)
                        || matches!(&**n, "BaseException" | "SystemExit" | GROUP))
                        && !self.defs.contains_key(&**n)
                        || self.exception_base(n).is_some() =>
                {
                    Ok(n.to_string())
                }
                // What a timed wait raises as an `Err` (`concurrent.futures.TimeoutError`
                // is the built-in one).
                _ if self.futures_timeout(x) => Ok("TimeoutError".into()),
                // What `put_nowait` and `get_nowait` raise (see `ir::op_errors`).
                _ if self.is_member(x, Module::Asyncio, "QueueFull") => Ok("QueueFull".into()),
                _ if self.is_member(x, Module::Asyncio, "QueueEmpty") => Ok("QueueEmpty".into()),
                // What `task.result()` of a running task raises (see `plan::task_poll`).
                _ if self.is_member(x, Module::Asyncio, "InvalidStateError") => {
                    Ok("InvalidStateError".into())
                }
                _ => refuse(
                    &x.span,
                    format!("`except {}`", self.text(&c.span)),
                    "the Rust listing catches the built-in exception classes that the \
                     program's `raise` statements give (its `Error` enum's variants)",
                ),
            })
            .collect::<Result<_>>()?;
        // The program's own subclasses of a class are taken with it (those
        // of `Exception` already are: see `raises::takes`).
        for c in out.clone() {
            for sub in self.exception_subclasses(&c) {
                if c != "Exception" && !out.contains(&sub) {
                    out.push(sub);
                }
            }
        }
        Ok(out)
    }

    /// A bare `raise`, or `raise e` of the exception caught as `e`, inside
    /// an `except` clause.
    pub(super) fn reraise(&self, sc: &Scope, exc: Option<&py::Expr>) -> bool {
        let Some(inner) = sc.caught.last() else {
            return false;
        };
        if inner.text.is_some() {
            return false;
        }
        match exc {
            None => true,
            Some(e) => matches!(&e.kind, E::Name(n @ (Name::Local(..) | Name::Cell(..)))
                if inner.name.as_deref() == Some(&**n.ident())),
        }
    }

    /// `repr(e)` (or `f"{e!r}"`) of the caught exception `x` names, if
    /// it names one.
    pub(super) fn caught_repr(&self, sc: &Scope, x: &py::Expr) -> Option<ExprKind> {
        let E::Name(n @ (Name::Local(..) | Name::Cell(..))) = &x.kind else {
            return None;
        };
        let c = sc
            .caught
            .iter()
            .rev()
            .find(|c| c.name.as_deref() == Some(&**n.ident()))?;
        Some(match (&c.text, &c.class) {
            // The `TimeoutError` of `asyncio.wait_for`: no arguments.
            (Some(t), Some(class)) if t.is_empty() => {
                ExprKind::Lit(Value::Str(format!("{class}()").into()))
            }
            _ => ExprKind::Var(repr_var(n.ident())),
        })
    }

    /// An expression on a caught exception: `type(e).__name__` where the
    /// clause takes one class, `e` itself where its text is fixed; other
    /// uses than its text (`repr(e)`, `e.args`) are refused.
    pub(super) fn caught_expr(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let find = |x: &py::Expr| match &x.kind {
            E::Name(n @ (Name::Local(..) | Name::Cell(..))) => sc
                .caught
                .iter()
                .rev()
                .find(|c| c.name.as_deref() == Some(&**n.ident())),
            _ => None,
        };
        let is_builtin = |f: &py::Expr, name: &str| matches!(&f.kind, E::Name(Name::Global(g)) if &**g == name && !self.defs.contains_key(name));
        match &e.kind {
            E::Attr(obj, attr) if &**attr == "__name__" => {
                if let E::Call(f, args) = &obj.kind
                    && is_builtin(f, "type")
                    && let [Arg::Positional(x)] = args.as_slice()
                    && let E::Attr(inner, attr) = &x.kind
                    && &**attr == "__cause__"
                    && let Some(c) = find(inner)
                    && let Some(n) = &c.name
                    && let Some(k) = self.caught_cause_class(c, n)
                {
                    return Ok(Some(k));
                }
                if let E::Call(f, args) = &obj.kind
                    && is_builtin(f, "type")
                    && let [Arg::Positional(x)] = args.as_slice()
                    && let Some(c) = find(x)
                {
                    return Ok(Some(match (&c.class, &c.name) {
                        (Some(class), _) => ExprKind::Lit(Value::Str(class.as_str().into())),
                        // Set from the `Error` variant in the handler.
                        (None, Some(n)) => ExprKind::Var(class_var(n)),
                        (None, None) => unreachable!("found by its name"),
                    }));
                }
                Ok(None)
            }
            E::Attr(obj, attr)
                if let Some(c) = find(obj)
                    && c.text.is_none() =>
            {
                let name = c.name.as_deref().expect("found by its name");
                self.caught_attr(c, name, attr, &e.span).map(Some)
            }
            E::Attr(obj, attr) if find(obj).is_some() => refuse(
                &e.span,
                format!("the attribute `{attr}` of a caught exception"),
                "the Rust listing's exception is an `Error` variant holding its message: \
                 `str(e)` and `type(e).__name__` translate",
            ),
            E::Call(f, args)
                if is_builtin(f, "repr")
                    && let [Arg::Positional(x)] = args.as_slice()
                    && let Some(r) = self.caught_repr(sc, x) =>
            {
                Ok(Some(r))
            }
            E::Name(..) => Ok(find(e)
                .and_then(|c| c.text.clone())
                .map(|t| ExprKind::Lit(Value::Str(t.into())))),
            _ => Ok(None),
        }
    }
}

/// A name for the value of `return await asyncio.wait_for(...)`, that no
/// variable of the `try` has.
fn returned_var(body: &[py::Stmt]) -> String {
    let mut names = Vec::new();
    py::walk(body, &mut |s| {
        if let P::Assign { targets, .. } = &s.kind {
            for t in targets {
                if let py::Target::Name(n) = t {
                    names.push(n.ident().to_string());
                }
            }
        }
    });
    ["value", "result", "outcome"]
        .into_iter()
        .find(|n| !names.iter().any(|m| m == n))
        .unwrap_or("returned")
        .to_string()
}
