//! `[x =] await asyncio.wait_for(asyncio.gather(...), timeout=...)`: the
//! gather under a deadline, as `async with asyncio.timeout(...)` around
//! it is. At the timeout `wait_for` cancels the gather, which cancels its
//! children; the listing's `timeout` drops the joined futures, whose
//! cleanup runs in `Drop`, in the children's order. Children that can
//! fail would run as tasks (see `gather_failing`), which a dropped join
//! does not stop: those are refused.

use super::scope::Scope;
use super::try_stmt::Caught;
use super::{Planner, Result, Untranslatable, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, StmtKind as P};
use crate::render::plan::ir::ast::{Calls, Demo, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::ExprKind;
use std::collections::HashSet;

impl Planner<'_> {
    /// `inner` (what `s` awaits) as `asyncio.wait_for(asyncio.gather(...),
    /// timeout)`: a [`StmtKind::Deadline`] around the gather, whose list
    /// goes to `into`, with the handler of the `except TimeoutError` around
    /// it (without one, the timeout raises `TimeoutError()`). `None` when
    /// `inner` is not that call.
    /// Whether `inner` is `asyncio.wait_for(asyncio.gather(...), ...)`.
    pub(super) fn is_wait_for_gather(&self, inner: &py::Expr) -> bool {
        matches!(&inner.kind, E::Call(f, args)
            if self.is_member(f, Module::Asyncio, "wait_for")
                && matches!(args.first(), Some(Arg::Positional(c))
                    if matches!(&c.kind, E::Call(g, _) if self.is_member(g, Module::Asyncio, "gather"))))
    }

    pub(super) fn wait_for_gather(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        inner: &py::Expr,
        into: Option<String>,
        handler: Option<&py::Handler>,
    ) -> Result<Option<StmtKind>> {
        let E::Call(f, args) = &inner.kind else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "wait_for") {
            return Ok(None);
        }
        let (gathered, delay) = match args.as_slice() {
            [Arg::Positional(c), Arg::Keyword(k, t)] if &**k == "timeout" => (c, t),
            [Arg::Positional(c), Arg::Positional(t)] => (c, t),
            _ => return Ok(None),
        };
        let E::Call(g, _) = &gathered.kind else {
            return Ok(None);
        };
        if !self.is_member(g, Module::Asyncio, "gather")
            || matches!(delay.kind, E::Literal(py::Literal::None))
        {
            return Ok(None);
        }
        let awaited = py::Stmt {
            id: s.id,
            span: s.span.clone(),
            kind: P::Expr(py::Expr {
                kind: E::Await(Box::new(gathered.clone())),
                span: gathered.span.clone(),
                suspends: true,
            }),
        };
        let mut body = self.block(sc, std::slice::from_ref(&awaited))?;
        // Coroutines joined in place: a gather of tasks would leave them
        // running past the timeout, where `wait_for` cancels them.
        let [
            Stmt {
                kind:
                    StmtKind::Gather {
                        calls: Calls::List(_),
                        into: slot,
                    },
                ..
            },
        ] = body.as_mut_slice()
        else {
            return refuse(
                &gathered.span,
                "`asyncio.wait_for` of this gather",
                "at the timeout `wait_for` cancels what the gather waits for; the Rust listing \
                 drops the joined futures, which cancels coroutine calls gathered in place \
                 (`asyncio.gather(f(...), g(...))`) but leaves tasks running",
            );
        };
        *slot = into;
        let on_timeout = match handler {
            Some(h) => {
                // `except TimeoutError as e`: an exception without a message.
                sc.caught.push(Caught {
                    name: h.name.as_ref().map(|n| n.ident().to_string()),
                    class: Some("TimeoutError".into()),
                    text: Some(String::new()),
                });
                let block = self.block(sc, &h.body);
                sc.caught.pop();
                block?
            }
            None => vec![Stmt {
                id: s.id,
                span: s.span.clone(),
                kind: StmtKind::Raise {
                    class: "TimeoutError".into(),
                    message: None,
                },
            }],
        };
        Ok(Some(StmtKind::Deadline {
            delay: self.expr(sc, delay)?,
            at: false,
            body,
            on_timeout,
        }))
    }
}

/// The gathers under a deadline (`wait_for` or `asyncio.timeout`) of
/// children that can fail: they would run on as tasks past the timeout.
pub(super) fn failing_under_deadline(
    demo: &Demo,
    fallible: &HashSet<String>,
) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            let StmtKind::Deadline { body, .. } = &s.kind else {
                return;
            };
            walk(body, &mut |g| {
                if joins_tasks(g) {
                    out.push(Untranslatable {
                        span: g.span.clone(),
                        construct: "awaiting a task under a timeout".into(),
                        reason: "at the timeout asyncio cancels the task the block awaits; the \
                                 Rust listing drops only the `JoinHandle`, which leaves the task \
                                 running"
                            .into(),
                    });
                }
                if let StmtKind::Gather {
                    calls: Calls::List(list),
                    ..
                } = &g.kind
                    && list.iter().any(|c| fallible.contains(&c.name))
                {
                    out.push(Untranslatable {
                        span: g.span.clone(),
                        construct: "a gather of children that can fail, under a timeout".into(),
                        reason: "the Rust listing runs such children as tasks, so that the first \
                                 exception comes out at once; a timeout would drop the join and \
                                 leave the tasks running, where asyncio cancels them"
                            .into(),
                    });
                }
            });
        });
    }
    out
}

/// Whether `s` awaits a task (`await t`, `await asyncio.gather(t1, t2)`).
fn joins_tasks(s: &Stmt) -> bool {
    if matches!(s.kind, StmtKind::Join { .. }) {
        return true;
    }
    // The awaited expression itself (`x = await t`, `print(await t)` are
    // not looked into).
    crate::render::plan::ir::raises::exprs(&s.kind)
        .iter()
        .any(|e| match &e.kind {
            ExprKind::Join(_) => true,
            ExprKind::GatherAll(list) => match &list.kind {
                ExprKind::List(items) => items.iter().any(|i| !matches!(i.kind, ExprKind::Coro(_))),
                ExprKind::Comp { value, .. } => !matches!(value.kind, ExprKind::Coro(_)),
                _ => true,
            },
            _ => false,
        })
}
