//! `done, pending = await asyncio.wait(tasks, return_when=..., timeout=...)`
//! over a list of tasks made for it: the tasks go into a `JoinSet` named
//! `pending`, and `done` is the list of the outputs of those that ended.
//! The program may then loop over `done` (each task's `result()` is its
//! output), take `len` of either, and cancel what is pending
//! (`for t in pending: t.cancel()`).

use super::scope::Scope;
use super::stmt::{Step, local_name, method_call};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, StmtKind as P, Target};
use crate::render::plan::ir::ast::{Calls, Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};

const SHAPE: &str = "the Rust listing translates `done, pending = await asyncio.wait(tasks, \
                     return_when=FIRST_COMPLETED or ALL_COMPLETED, timeout=...)` over a list \
                     of tasks made for it, `for t in done:` reading `t.result()`, and \
                     `for t in pending: t.cancel()`";

impl Planner<'_> {
    /// `done, pending = await asyncio.wait(...)` at `rest[0]`, or a list of
    /// tasks `rest[0]` that such a statement `rest[1]` takes; `None` for any
    /// other assignment.
    pub(super) fn wait_stmt(
        &self,
        sc: &mut Scope,
        rest: &[py::Stmt],
        target: &Target,
        value: &py::Expr,
    ) -> Result<Option<Step>> {
        let s = &rest[0];
        if let Some(args) = self.wait_call(value) {
            let Some((first, rest_args)) = args.split_first() else {
                return refuse(&value.span, "`asyncio.wait` of nothing", SHAPE);
            };
            let Arg::Positional(list) = first else {
                return refuse(&value.span, "`asyncio.wait` without its tasks", SHAPE);
            };
            let Some(calls) = self.task_list(sc, list)? else {
                return refuse(&list.span, "`asyncio.wait` over this", SHAPE);
            };
            let stmt = self.wait_of(sc, s, s, target, calls, rest_args, &rest[1..])?;
            return Ok(Some((Some(stmt), 1)));
        }
        // `tasks = [asyncio.create_task(...), ...]` that `asyncio.wait` takes next.
        let (Target::Name(n), Some(next)) = (target, rest.get(1)) else {
            return Ok(None);
        };
        let P::Assign {
            targets,
            value: next_value,
        } = &next.kind
        else {
            return Ok(None);
        };
        let Some(args) = self.wait_call(next_value) else {
            return Ok(None);
        };
        let Some((Arg::Positional(list), rest_args)) = args.split_first() else {
            return Ok(None);
        };
        if local_name(list) != Some(&**n.ident()) || targets.len() != 1 {
            return Ok(None);
        }
        let Some(calls) = self.task_list(sc, value)? else {
            return Ok(None);
        };
        if self.mentions(rest[2..].iter(), n.ident()) {
            return refuse(
                &s.span,
                format!("the list `{}` used after `asyncio.wait`", n.ident()),
                "the Rust listing hands the tasks to the `JoinSet` that `asyncio.wait` \
                 leaves in `pending`",
            );
        }
        // A blocker stands for both statements: the wait alone is no other one.
        let stmt = match self.wait_of(sc, s, next, &targets[0], calls, rest_args, &rest[2..]) {
            Ok(stmt) => stmt,
            Err(e) => {
                let stmt = Stmt {
                    id: next.id,
                    span: s.span.start..next.span.end,
                    kind: StmtKind::Untranslated {
                        construct: e.construct.clone(),
                        reason: e.reason.clone(),
                    },
                };
                self.blockers.borrow_mut().push(e);
                stmt
            }
        };
        Ok(Some((Some(stmt), 2)))
    }

    /// The arguments of `await asyncio.wait(...)`.
    fn wait_call<'e>(&self, value: &'e py::Expr) -> Option<&'e [Arg]> {
        let E::Await(inner) = &value.kind else {
            return None;
        };
        let E::Call(f, args) = &inner.kind else {
            return None;
        };
        self.is_member(f, Module::Asyncio, "wait")
            .then_some(args.as_slice())
    }

    /// The plan of `done, pending = await asyncio.wait(tasks, args)`, the
    /// statement `wait`, the tasks made by `first`.
    #[allow(clippy::too_many_arguments)]
    fn wait_of(
        &self,
        sc: &mut Scope,
        first: &py::Stmt,
        wait: &py::Stmt,
        target: &Target,
        calls: Calls,
        args: &[Arg],
        after: &[py::Stmt],
    ) -> Result<Stmt> {
        let names = match target {
            Target::Unpack(items, None) => match items.as_slice() {
                [Target::Name(d), Target::Name(p)] => {
                    Some((d.ident().to_string(), p.ident().to_string()))
                }
                _ => None,
            },
            _ => None,
        };
        let Some((done, pending)) = names.filter(|(d, p)| d != "_" && p != "_") else {
            return refuse(&wait.span, "what this `asyncio.wait` gives", SHAPE);
        };
        let (done, pending) = (
            sc.local(&done, &wait.span)?,
            sc.local(&pending, &wait.span)?,
        );
        let mut first_completed = false;
        let mut timeout = None;
        for arg in args {
            match arg {
                Arg::Keyword(k, v) if &**k == "return_when" => {
                    if self.is_member(v, Module::Asyncio, "FIRST_COMPLETED") {
                        first_completed = true;
                    } else if !self.is_member(v, Module::Asyncio, "ALL_COMPLETED") {
                        return refuse(&v.span, "this `return_when`", SHAPE);
                    }
                }
                Arg::Keyword(k, v) if &**k == "timeout" => timeout = Some(self.expr(sc, v)?),
                _ => return refuse(&wait.span, "this argument of `asyncio.wait`", SHAPE),
            }
        }
        for name in [&done, &pending] {
            if sc.tasks.iter().any(|t| t == name) {
                return refuse(
                    &wait.span,
                    format!("the task `{name}` bound again"),
                    "the Rust listing's `done` is a list of outputs and its `pending` a \
                     `JoinSet`",
                );
            }
        }
        // Each use of `pending` after the wait must be one the listing knows.
        self.pending_uses(&pending, after)?;
        sc.waits.push((done.clone(), pending.clone()));
        Ok(Stmt {
            id: wait.id,
            span: first.span.start..wait.span.end,
            kind: StmtKind::Wait {
                calls,
                first: first_completed,
                timeout,
                done,
                pending,
            },
        })
    }

    /// Refuses a use of `pending` other than `len(pending)` and a loop that
    /// cancels each of its tasks, up to another `asyncio.wait` that binds it
    /// again (a new `JoinSet` shadows the old one).
    fn pending_uses(&self, pending: &str, after: &[py::Stmt]) -> Result<()> {
        for s in after {
            if self.cancel_loop(s, pending).is_some() {
                continue;
            }
            if let P::Assign { targets, value } = &s.kind
                && let [Target::Unpack(items, None)] = targets.as_slice()
                && let [_, Target::Name(p)] = items.as_slice()
                && &**p.ident() == pending
                && self.wait_call(value).is_some()
            {
                return Ok(());
            }
            let text = self.text(&s.span);
            let stripped = text.replace(&format!("len({pending})"), "");
            if self.mentions_text(&stripped, pending) {
                return refuse(
                    &s.span,
                    format!("`{pending}` used here"),
                    format!(
                        "the pending tasks are a `JoinSet`: the Rust listing translates \
                         `len({pending})` and `for t in {pending}: t.cancel()`"
                    ),
                );
            }
        }
        Ok(())
    }

    /// Whether the word `name` stands in `text`.
    fn mentions_text(&self, text: &str, name: &str) -> bool {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        text.match_indices(name)
            .any(|(i, _)| !text[..i].ends_with(word) && !text[i + name.len()..].starts_with(word))
    }

    /// `for t in pending: t.cancel()`: the name of the `JoinSet`.
    fn cancel_loop<'s>(&self, s: &'s py::Stmt, pending: &str) -> Option<&'s str> {
        let P::For {
            is_async: false,
            target: Target::Name(var),
            iter,
            body,
            orelse,
        } = &s.kind
        else {
            return None;
        };
        let [only] = body.as_slice() else {
            return None;
        };
        let P::Expr(call) = &only.kind else {
            return None;
        };
        let set = local_name(iter).filter(|n| *n == pending)?;
        let obj = method_call(call, "cancel")?;
        (orelse.is_empty() && local_name(obj) == Some(&**var.ident())).then_some(set)
    }

    /// `for t in pending: t.cancel()` (all aborted) or `for t in done: body`
    /// (`t` its output) after an `asyncio.wait`; `None` for another loop.
    pub(super) fn wait_loop(&self, sc: &mut Scope, s: &py::Stmt) -> Result<Option<StmtKind>> {
        let P::For {
            is_async: false,
            target,
            iter,
            body,
            orelse,
        } = &s.kind
        else {
            return Ok(None);
        };
        let Some(over) = local_name(iter) else {
            return Ok(None);
        };
        if let Some((_, pending)) = sc.waits.iter().find(|(_, p)| p == over) {
            if self.cancel_loop(s, pending).is_none() {
                return refuse(&s.span, format!("this loop over `{pending}`"), SHAPE);
            }
            return Ok(Some(StmtKind::AbortAll {
                set: pending.clone(),
            }));
        }
        if !sc.waits.iter().any(|(d, _)| d == over) || !orelse.is_empty() {
            return Ok(None);
        }
        let Target::Name(_) = target else {
            return refuse(&s.span, "this loop variable", SHAPE);
        };
        let var = self.loop_pattern(sc, target, &s.span)?;
        sc.wait_outputs.push(var.clone());
        let body = self.nested(sc, body);
        sc.wait_outputs.pop();
        Ok(Some(StmtKind::For {
            var,
            over: Expr {
                kind: ExprKind::Var(over.to_string()),
                span: iter.span.clone(),
            },
            body: body?,
        }))
    }

    /// `t.result()` of a task `t` of a `done` list: its output.
    pub(super) fn wait_result(&self, sc: &Scope, e: &py::Expr) -> Option<ExprKind> {
        let obj = method_call(e, "result")?;
        let t = local_name(obj)?;
        sc.wait_outputs
            .iter()
            .any(|v| v == t)
            .then(|| ExprKind::Var(t.to_string()))
    }
}
