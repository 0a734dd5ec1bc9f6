//! `sys.exit(status)` in a coroutine: `SystemExit` leaves the coroutine,
//! stops the event loop and ends `asyncio.run`, which cancels the tasks
//! left; the process ends with the status once the module's `finally`
//! blocks have run. The listing's `sys_exit(status).await` asks `run` to
//! stop: `run` drops the coroutine it runs (its drop guards, the
//! `finally` blocks, run innermost first), its runtime drops the tasks,
//! and `main` returns the status.
//!
//! The order is Python's where the coroutine that exits is the one
//! `asyncio.run` runs, or a task started by `asyncio.create_task` whose
//! `sys.exit` stands outside any `try` (nothing of its own to clean up).

use super::module::MODULE;
use super::{Planner, Untranslatable};
use crate::program::{self as py, Arg, ExprKind as E, Module, StmtKind as P};
use crate::render::plan::ir::ast::{Block, Demo, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, ExprKind};
use crate::render::plan::ir::raises::takes;
use std::collections::HashSet;
use std::ops::Range;

/// Whether `value` is `sys.exit(...)` as planned.
fn is_exit(kind: &StmtKind) -> bool {
    matches!(kind, StmtKind::Set { value, .. } if matches!(value.kind, ExprKind::Call(Builtin::Exit, _)))
}

/// Whether a coroutine of the plan calls `sys.exit(...)` (the listing
/// then has `sys_exit`, and `run` reports the status it gives).
pub fn exits_in_coroutines(demo: &Demo) -> bool {
    demo.functions
        .iter()
        .filter(|f| f.kind == FunctionKind::Coroutine && f.name != MODULE)
        .any(|f| {
            let mut found = false;
            walk(&f.body, &mut |s| found |= is_exit(&s.kind));
            found
        })
}

/// The spans of the `sys.exit(...)` statements of `block` inside a
/// statement `around` takes (a `try`, an `async with`).
fn exits_in(
    block: &Block,
    inside: bool,
    around: &dyn Fn(&StmtKind) -> bool,
    out: &mut Vec<Range<usize>>,
) {
    for s in block {
        if inside && is_exit(&s.kind) {
            out.push(s.span.clone());
        }
        let here = inside || around(&s.kind);
        for inner in s.blocks() {
            exits_in(inner, here, around, out);
        }
    }
}

/// Whether `name` is started only by `asyncio.create_task(name(...))`.
fn only_spawned(demo: &Demo, name: &str) -> bool {
    let (mut spawned, mut other) = (0, 0);
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::Spawn { call, .. } = &s.kind {
                spawned += usize::from(call.name == name);
                return;
            }
            for c in super::ir::raises::propagating_calls(&s.kind) {
                other += usize::from(c.name == name);
            }
            if let StmtKind::Make { call, .. }
            | StmtKind::GroupSpawn { call, .. }
            | StmtKind::LoopSpawn { call, .. }
            | StmtKind::Submit { call, .. }
            | StmtKind::WaitFor { call, .. }
            | StmtKind::Schedule { call, .. } = &s.kind
            {
                other += usize::from(call.name == name);
            }
        });
    }
    spawned > 0 && other == 0
}

/// The coroutines `asyncio.run(...)` runs in the module's code.
fn run_coroutines(demo: &Demo) -> Vec<&str> {
    let mut out = Vec::new();
    for f in demo.functions.iter().filter(|f| f.name == MODULE) {
        walk(&f.body, &mut |s| {
            if let StmtKind::Await { call, .. } = &s.kind {
                out.push(call.name.as_str());
            }
        });
    }
    out
}

/// The `sys.exit(...)` statements of coroutines whose clean-up the
/// listing would run in another order than Python (see the module's doc).
pub(super) fn misplaced(demo: &Demo, fallible: &HashSet<String>) -> Vec<Untranslatable> {
    let runs = run_coroutines(demo);
    let mut out = Vec::new();
    if !exits_in_coroutines(demo) {
        return out;
    }
    for f in &demo.functions {
        let is_module = f.name == MODULE;
        if is_module && !fallible.contains(MODULE) || f.kind != FunctionKind::Blocking {
            continue;
        }
        walk(&f.body, &mut |s| {
            if let StmtKind::Await { .. } = &s.kind {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "`asyncio.run(...)` here, with `sys.exit(...)` in a coroutine"
                        .into(),
                    reason: "the Rust listing's `main` returns the status `sys.exit` gives, \
                             from `asyncio.run(...)` in the module's own code, where no \
                             exception goes on up"
                        .into(),
                });
            }
        });
    }
    for f in &demo.functions {
        if f.kind != FunctionKind::Coroutine || f.name == MODULE {
            continue;
        }
        let mut exits = Vec::new();
        walk(&f.body, &mut |s| {
            if is_exit(&s.kind) {
                exits.push(s.span.clone());
            }
        });
        if exits.is_empty() {
            continue;
        }
        // `main` runs no `asyncio.run(...)` of its own to stop (an exit the
        // module's scan did not see: in a method, a nested function).
        if runs.is_empty() {
            out.extend(exits.into_iter().map(|span| {
                Untranslatable {
                    span,
                    construct: "`sys.exit(...)` here".into(),
                    reason: "the Rust listing stops the event loop from a coroutine defined at \
                         the top of the module, started by `asyncio.run` or \
                         `asyncio.create_task`"
                        .into(),
                }
            }));
            continue;
        }
        // An `async with` whose exit would not run: a dropped future runs no
        // `close().await`.
        let mut closing = Vec::new();
        exits_in(
            &f.body,
            false,
            &|k| matches!(k, StmtKind::AsyncWith { .. }),
            &mut closing,
        );
        if !closing.is_empty() {
            out.extend(closing.into_iter().map(|span| {
                Untranslatable {
                    span,
                    construct: "`sys.exit(...)` inside `async with`".into(),
                    reason:
                        "`SystemExit` runs the context manager's `__aexit__` on its way out; the \
                         Rust listing drops the block's future, which awaits no clean-up"
                            .into(),
                }
            }));
            continue;
        }
        let is_run = runs.contains(&f.name.as_str()) && !only_spawned_or_called(demo, &f.name);
        if is_run {
            continue;
        }
        if !only_spawned(demo, &f.name) {
            out.extend(exits.into_iter().map(|span| {
                Untranslatable {
                    span,
                    construct: "`sys.exit(...)` here".into(),
                    reason: "the Rust listing stops the event loop from the coroutine \
                         `asyncio.run` runs, or from a task started by \
                         `asyncio.create_task`: a coroutine awaited by another would clean up \
                         after the loop's coroutine, not before"
                        .into(),
                }
            }));
            continue;
        }
        let mut inside = Vec::new();
        let is_try = |k: &StmtKind| matches!(k, StmtKind::Try { .. } | StmtKind::Catch { .. });
        exits_in(&f.body, false, &is_try, &mut inside);
        out.extend(inside.into_iter().map(|span| {
            Untranslatable {
                span,
                construct: "`sys.exit(...)` inside a `try` of a task".into(),
                reason: "Python runs the task's `finally` blocks before it stops the loop; the \
                     Rust listing drops the task after the loop's coroutine, so its clean-up \
                     would run last: call `sys.exit` outside the `try`"
                    .into(),
            }
        }));
    }
    out
}

/// Whether a coroutine is also started or awaited elsewhere than by
/// `asyncio.run`.
fn only_spawned_or_called(demo: &Demo, name: &str) -> bool {
    let mut found = false;
    for f in demo.functions.iter().filter(|f| f.name != MODULE) {
        f.walk(&mut |s| {
            if let StmtKind::Spawn { call, .. } = &s.kind {
                found |= call.name == name;
            }
            for c in super::ir::raises::propagating_calls(&s.kind) {
                found |= c.name == name;
            }
        });
    }
    found
}

impl Planner<'_> {
    /// Whether a coroutine of the module calls `sys.exit(...)` as a
    /// statement outside a `try` that takes `SystemExit`: `main` is then
    /// plain, running the coroutine with `run`, which reports the status.
    pub(super) fn exits_in_functions(&self, body: &[py::Stmt]) -> bool {
        body.iter().any(|s| {
            matches!(&s.kind, P::Def { code, .. } if code.is_async && self.exits_in(&code.body))
        })
    }

    /// Whether `block` calls `sys.exit(...)` as a statement that no `try`
    /// of it takes as `SystemExit`.
    fn exits_in(&self, block: &[py::Stmt]) -> bool {
        block.iter().any(|st| match &st.kind {
            P::Expr(e) => {
                matches!(&e.kind, E::Call(f, _) if self.member(f) == Some((Module::Sys, "exit")))
            }
            P::If { body, orelse, .. }
            | P::While { body, orelse, .. }
            | P::For { body, orelse, .. } => self.exits_in(body) || self.exits_in(orelse),
            P::With { body, .. } => self.exits_in(body),
            P::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let taken = handlers.iter().any(|h| {
                    h.class.as_ref().is_none_or(|c| {
                        let items: Vec<&py::Expr> = match &c.kind {
                            E::Tuple(xs) => xs.iter().collect(),
                            _ => vec![c],
                        };
                        items.iter().any(|x| {
                            matches!(&x.kind, E::Name(py::Name::Global(n))
                                if takes(n, "SystemExit"))
                        })
                    })
                });
                (!taken && self.exits_in(body))
                    || handlers.iter().any(|h| self.exits_in(&h.body))
                    || self.exits_in(orelse)
                    || self.exits_in(finalbody)
            }
            _ => false,
        })
    }
}

/// Whether `args` of `sys.exit` in a coroutine are a status the
/// listing gives the process as it is: none, or a number literal
/// of 0 to 255.
pub(super) fn status_literal(args: &[Arg]) -> bool {
    match args {
        [] => true,
        [Arg::Positional(x)] => {
            matches!(&x.kind, E::Literal(py::Literal::Int(n)) if (0..=255).contains(n))
        }
        _ => false,
    }
}
