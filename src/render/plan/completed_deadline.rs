//! `for fut in asyncio.as_completed(xs, timeout=t)` whose body is one
//! `try: ... await fut ... except TimeoutError: handler`. asyncio raises
//! `TimeoutError` at the `await` of each awaitable left once the deadline
//! passes, and lets them go on running; the Rust listing's loop runs the
//! handler once for each of them. The handler stands for the deadline's
//! `TimeoutError` only: a `try` body that awaits anything else or raises
//! is refused, as is a loop whose body is not that one `try`.

use super::enumerated::Completed;
use super::scope::Scope;
use super::stmt::local_name;
use super::try_stmt::Caught;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{
    self as py, Arg, ExprKind as E, Literal, Module, Name, StmtKind as P, Target,
};
use crate::render::plan::ir::ast::{Block, CompletedDeadline};

/// What the loop's body must be, said where it is not.
const SHAPE: &str = "past the deadline, each awaitable left raises `TimeoutError` at its \
                     `await`: the Rust listing translates the loop whose body is one `try` \
                     awaiting `fut` once, in its first statement, with one `except \
                     TimeoutError:`";

/// The parts of an `as_completed` loop the plan builds from.
pub(super) struct Parts<'b> {
    /// The statement that awaits the loop variable.
    pub(super) head: &'b py::Stmt,
    /// The variable bound to each output.
    pub(super) var: String,
    /// The statements run with each output.
    pub(super) body: Block,
    /// The deadline of `timeout=`, with its handler.
    pub(super) deadline: Option<CompletedDeadline>,
}

/// The `timeout=` of `asyncio.as_completed(xs, timeout=t)`, and the
/// arguments without it.
pub(super) fn split_timeout(args: &[Arg]) -> (&[Arg], Option<&py::Expr>) {
    match args {
        [first, Arg::Keyword(k, t)] if &**k == "timeout" => (std::slice::from_ref(first), Some(t)),
        _ => (args, None),
    }
}

/// The places of `await fut`, and of every other `await` and `yield`.
#[derive(Default)]
struct Awaits<'f> {
    fut: &'f str,
    of_fut: Vec<std::ops::Range<usize>>,
    others: Vec<std::ops::Range<usize>>,
    /// Every read of `fut`, those the awaits make included.
    reads: usize,
}

impl VisitMut for Awaits<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        match &e.kind {
            E::Await(x) if local_name(x) == Some(self.fut) => self.of_fut.push(e.span.clone()),
            E::Await(_) | E::Yield(_) | E::YieldFrom(_) => self.others.push(e.span.clone()),
            _ if local_name(e) == Some(self.fut) => self.reads += 1,
            _ => {}
        }
    }
}

impl Planner<'_> {
    /// The head, output variable, planned body and deadline of an
    /// `as_completed` loop: `var = await fut` first in `body`, or with
    /// `timeout=` the `try` of the module's doc.
    pub(super) fn completed_parts<'b>(
        &self,
        sc: &mut Scope,
        for_stmt: &py::Stmt,
        completed: &Completed,
        body: &'b [py::Stmt],
    ) -> Result<Parts<'b>> {
        let Some(timeout) = completed.timeout else {
            let (head, var, rest) = self.completed_head(sc, for_stmt, completed.fut, body)?;
            let body = self.nested(sc, rest)?;
            return Ok(Parts {
                head,
                var,
                body,
                deadline: None,
            });
        };
        if matches!(timeout.kind, E::Literal(Literal::None)) {
            return refuse(
                &timeout.span,
                "a timeout of `None`",
                "the Rust listing waits without a deadline where `as_completed` is given no \
                 `timeout=`",
            );
        }
        if completed.count.is_some() {
            return refuse(
                &for_stmt.span,
                "`enumerate` of `as_completed` with a timeout",
                "the Rust listing counts the rounds of an `as_completed` loop without `timeout=`",
            );
        }
        let Target::Name(fut) = completed.fut else {
            return refuse(
                &for_stmt.span,
                "this loop variable",
                "the plan's loops bind one local variable",
            );
        };
        let fut = fut.ident();
        let (tried, handler) = match body {
            [
                py::Stmt {
                    kind:
                        P::Try {
                            body,
                            handlers,
                            orelse,
                            finalbody,
                        },
                    ..
                },
            ] if orelse.is_empty() && finalbody.is_empty() => match handlers.as_slice() {
                [h] if !h.star && self.takes_timeout(h) => (body, h),
                _ => return self.not_timed_try(for_stmt),
            },
            _ => return self.not_timed_try(for_stmt),
        };
        let mut awaits = Awaits {
            fut,
            ..Awaits::default()
        };
        block_mut(&mut tried.clone(), &mut awaits);
        if let Some(other) = awaits.others.first() {
            return refuse(
                other,
                "another `await` inside the `try` of an `as_completed` loop with a timeout",
                "its `except TimeoutError:` would take that await's `TimeoutError` too; the \
                 Rust listing's handler runs for the deadline only: await it outside the `try`",
            );
        }
        let mut raises = None;
        py::walk(tried, &mut |s| {
            if matches!(s.kind, P::Raise { .. }) && raises.is_none() {
                raises = Some(s.span.clone());
            }
        });
        if let Some(span) = raises {
            return refuse(
                &span,
                "a `raise` inside the `try` of an `as_completed` loop with a timeout",
                "the Rust listing's `except TimeoutError:` runs for the deadline only",
            );
        }
        let Some(head) = tried.first() else {
            unreachable!("a try has a body")
        };
        let first_only = awaits.of_fut.len() == 1
            && awaits.reads == 1
            && head.span.contains(&awaits.of_fut[0].start);
        if !first_only || self.mentions(handler.body.iter(), fut) {
            return self.not_timed_try(for_stmt);
        }
        let (var, rest) = match &head.kind {
            P::Assign { targets, value }
                if targets.len() == 1
                    && matches!(&value.kind, E::Await(x) if local_name(x) == Some(fut)) =>
            {
                (self.loop_pattern(sc, &targets[0], &head.span)?, &tried[1..])
            }
            // `await fut` alone: the output, not read.
            P::Expr(e) if matches!(&e.kind, E::Await(x) if local_name(x) == Some(fut)) => (
                self.loop_pattern(sc, completed.fut, &head.span)?,
                &tried[1..],
            ),
            // `await fut` inside the statement: it reads the output.
            _ => (
                self.loop_pattern(sc, completed.fut, &head.span)?,
                &tried[..],
            ),
        };
        sc.completed_outputs.push(fut.to_string());
        let body = self.nested(sc, rest);
        sc.completed_outputs.pop();
        let body = body?;
        let seconds = self.expr(sc, timeout)?;
        // `except TimeoutError as e`: the deadline's exception, without a message.
        sc.caught.push(Caught {
            name: handler.name.as_ref().map(|n| n.ident().to_string()),
            classes: vec!["TimeoutError".into()],
            class: Some("TimeoutError".into()),
            text: Some(String::new()),
            args_shown: Vec::new(),
            reraised: false,
        });
        let on_timeout = self.nested(sc, &handler.body);
        sc.caught.pop();
        Ok(Parts {
            head,
            var,
            body,
            deadline: Some(CompletedDeadline {
                seconds,
                on_timeout: on_timeout?,
            }),
        })
    }

    /// Whether the handler takes `TimeoutError` (or `asyncio.TimeoutError`).
    fn takes_timeout(&self, h: &py::Handler) -> bool {
        h.class.as_ref().is_some_and(|c| {
            self.is_member(c, Module::Asyncio, "TimeoutError")
                || matches!(&c.kind, E::Name(Name::Global(n)) if &**n == "TimeoutError")
        })
    }

    fn not_timed_try<T>(&self, for_stmt: &py::Stmt) -> Result<T> {
        refuse(
            &for_stmt.span,
            "an `as_completed` loop with a timeout",
            SHAPE,
        )
    }
}
