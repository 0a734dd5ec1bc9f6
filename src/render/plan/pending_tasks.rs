//! The tasks still pending when the coroutine `asyncio.run` runs ends:
//! asyncio cancels each (in the order they were made) and waits for them
//! all, so their `except CancelledError` and `finally` blocks run; a Tokio
//! runtime that shuts down drops their futures silently. Where a task
//! made by `asyncio.create_task(f(...))` (its handle thrown away) goes on
//! after its cancellation, the listing keeps its handle and its token,
//! and ends the coroutine with [`StmtKind::CancelPending`].
//!
//! Only where every task of the program is made at the top of that
//! coroutine, those kept in a variable awaited there (or never read), and
//! the coroutine ends at its end or at a `return` after they are all made
//! (see `pending_returns`; an exception going out of it is refused after
//! the plan, see [`misplaced`]).

use super::cancel_token::TOKEN;
use super::{Planner, Untranslatable};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{self as py, Arg, Code, ExprKind as E, Module, Name, StmtKind as P};
use crate::render::plan::ir::ast::{Demo, Pending, Stmt, StmtKind};
use std::collections::{HashMap, HashSet};

/// The calls that make a task other than `asyncio.create_task`.
const OTHER_TASKS: &[&str] = &[
    "ensure_future(",
    "shield(",
    "TaskGroup(",
    "run_coroutine_threadsafe(",
];

/// How many times `what` stands in the code of `source` (outside comments).
fn in_code(source: &str, what: &str) -> usize {
    source
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .map(|l| l.matches(what).count())
        .sum()
}

/// The tasks that `asyncio.run`'s coroutine leaves pending, by the
/// `asyncio.create_task(...)` statement that makes each.
#[derive(Default)]
pub(super) struct PendingTasks {
    /// The coroutine `asyncio.run` runs.
    pub run: String,
    /// The start of each statement making a task nobody keeps, and the
    /// name the listing gives its handle.
    pub handles: HashMap<usize, String>,
    /// The coroutine each of those tasks runs, in the order they are made.
    pub order: Vec<(usize, String)>,
}

/// Counts, over the expressions it visits, the reads of a name and the
/// mentions of the calls that make tasks.
struct Mentions<'a> {
    name: &'a str,
    reads: usize,
    spawns: usize,
}

impl VisitMut for Mentions<'_> {
    fn expr(&mut self, e: &mut py::Expr) {
        match &e.kind {
            E::Name(Name::Global(n)) if &**n == self.name => self.reads += 1,
            E::Name(Name::Global(m)) | E::Attr(_, m) if &**m == "create_task" => self.spawns += 1,
            _ => {}
        }
    }
}

/// `name` of `try: await name` (with its handlers) at the top of a body.
fn awaited_in_try(s: &py::Stmt) -> Option<&str> {
    match &s.kind {
        P::Try { body, .. } => match body.as_slice() {
            [only] => awaited_name(only).filter(|_| matches!(only.kind, P::Expr(_))),
            _ => None,
        },
        _ => None,
    }
}

/// `name` of `await name` (or `x = await name`) at the top of a body.
fn awaited_name(s: &py::Stmt) -> Option<&str> {
    let value = match &s.kind {
        P::Expr(e) => e,
        P::Assign { value, .. } => value,
        _ => return None,
    };
    match &value.kind {
        E::Await(x) => super::stmt::local_name(x),
        _ => None,
    }
}

impl<'p> Planner<'p> {
    /// `f` of `asyncio.create_task(f(...))`.
    pub(super) fn created_coroutine<'s>(&self, e: &'s py::Expr) -> Option<&'s str> {
        let E::Call(f, args) = &e.kind else {
            return None;
        };
        if !self.is_member(f, Module::Asyncio, "create_task") {
            return None;
        }
        let [Arg::Positional(c)] = args.as_slice() else {
            return None;
        };
        global_callee(c)
    }

    /// Finds the tasks `asyncio.run`'s coroutine leaves pending (see the
    /// module's comment); none where the shape is another.
    pub(super) fn scan_pending(&self, module: &[py::Stmt], codes: &[(String, &Code, bool)]) {
        let source = &self.program.source;
        let mut runs = Vec::new();
        let mut kept_value = false;
        crate::program::walk(module, &mut |s| {
            if let Some((c, into)) = self.asyncio_run(s) {
                runs.push(c);
                kept_value |= into.is_some();
            }
        });
        let [run] = runs.as_slice() else { return };
        let E::Call(g, args) = &run.kind else { return };
        let E::Name(Name::Global(main)) = &g.kind else {
            return;
        };
        let Some((_, code, _)) = codes
            .iter()
            .find(|(n, c, method)| n == &**main && !method && c.is_async && !c.is_generator)
        else {
            return;
        };
        // Called once, by `asyncio.run`: its end is the end of the run.
        let mut seen = Mentions {
            name: main,
            reads: 0,
            spawns: 0,
        };
        block_mut(&mut module.to_vec(), &mut seen);
        for (_, c, _) in codes {
            block_mut(&mut c.body.clone(), &mut seen);
        }
        if !args.is_empty() || seen.reads != 1 || OTHER_TASKS.iter().any(|t| in_code(source, t) > 0)
        {
            return;
        }
        // It ends at its end, or at a `return` of nothing or of a literal
        // (see `pending_returns`): no `while True:` (whose end the
        // listing's `loop` never reaches), no `sys.exit(...)` in the program.
        let mut endless = false;
        let mut returns = Vec::new();
        crate::program::walk(&code.body, &mut |s| match &s.kind {
            P::Return(value) => {
                returns.push(s.span.start);
                // A value `asyncio.run` gives its caller is no longer thrown away.
                endless |= value
                    .as_ref()
                    .is_some_and(|v| kept_value || !matches!(v.kind, E::Literal(_)));
            }
            P::While { test, .. } => {
                endless |= matches!(test.kind, E::Literal(py::Literal::Bool(true)));
            }
            _ => {}
        });
        if endless || in_code(source, "exit(") > 0 {
            return;
        }
        let mut taken: HashSet<String> = code.locals.iter().map(|l| l.to_string()).collect();
        let mut pending = PendingTasks {
            run: main.to_string(),
            ..Default::default()
        };
        let mut kept = 0;
        for (i, s) in code.body.iter().enumerate() {
            match &s.kind {
                P::Expr(e) if let Some(f) = self.created_coroutine(e) => {
                    let mut name = format!("{f}_task");
                    let mut n = 1;
                    while taken.contains(&name) || taken.contains(&format!("{name}_{TOKEN}")) {
                        n += 1;
                        name = format!("{f}_task_{n}");
                    }
                    taken.insert(name.clone());
                    pending.handles.insert(s.span.start, name);
                    pending.order.push((s.span.start, f.to_string()));
                }
                P::Assign { targets, value } if self.created_coroutine(value).is_some() => {
                    let [py::Target::Name(t)] = targets.as_slice() else {
                        return;
                    };
                    let later = &code.body[i + 1..];
                    if later
                        .iter()
                        .any(|l| awaited_name(l).or(awaited_in_try(l)) == Some(t.ident()))
                    {
                        kept += 1;
                    } else if super::name_reads::name_reads(module, t.ident()) == 0
                        && let Some(f) = self.created_coroutine(value)
                    {
                        // Never read: pending at the end, its handle kept as named.
                        taken.insert(t.ident().to_string());
                        pending.handles.insert(s.span.start, t.ident().to_string());
                        pending.order.push((s.span.start, f.to_string()));
                    } else {
                        return;
                    }
                }
                _ => {}
            }
        }
        // Every task pending at a `return` is made before it.
        let last_made = pending.order.iter().map(|(start, _)| *start).max();
        if returns.iter().any(|r| last_made.is_some_and(|m| *r < m)) {
            return;
        }
        let made = pending.order.len() + kept;
        if seen.spawns == made && in_code(source, "create_task(") == made && made > kept {
            *self.pending.borrow_mut() = pending;
        }
    }

    /// Keeps the pending tasks only if one of them goes on after its
    /// cancellation (otherwise dropping it as the runtime shuts down runs
    /// what its cleanup does, and the listing stays as it was).
    pub(super) fn keep_pending_if_cancellable(&self) {
        let mut pending = self.pending.borrow_mut();
        if !pending
            .order
            .iter()
            .any(|(_, f)| self.cancellable.contains(f))
        {
            *pending = PendingTasks::default();
        }
    }

    /// The handle of the task made by the statement at `start`, if it is
    /// one `asyncio.run` cancels at its end.
    pub(super) fn pending_handle(&self, start: usize) -> Option<String> {
        self.pending.borrow().handles.get(&start).cloned()
    }

    /// Ends the body of `asyncio.run`'s coroutine `name` with the
    /// cancellation of the tasks it leaves pending.
    pub(super) fn end_run(&self, name: &str, body: &mut Vec<Stmt>) {
        let pending = self.pending.borrow();
        if pending.run != name || pending.order.is_empty() {
            return;
        }
        let Some(last) = body.last() else { return };
        let (id, span) = (last.id, last.span.clone());
        let tasks = pending
            .order
            .iter()
            .map(|(start, f)| {
                let task = pending.handles[start].clone();
                let token = self
                    .cancellable
                    .contains(f)
                    .then(|| format!("{task}_{TOKEN}"));
                Pending {
                    task,
                    token,
                    coroutine: f.clone(),
                }
            })
            .collect::<Vec<_>>();
        super::pending_returns::cancel_before_returns(body, &tasks);
        // A `return` ending the body, its value thrown away by `asyncio.run`,
        // is the end of the body.
        if matches!(body.last().map(|s| &s.kind), Some(StmtKind::Return(_))) {
            body.pop();
        } else {
            body.push(Stmt {
                id,
                span,
                kind: StmtKind::CancelPending(tasks),
            });
        }
    }
}

/// The coroutine that cancels the pending tasks at its end, where an
/// exception can leave it first: the listing's `?` would return before.
pub fn misplaced(demo: &Demo, fallible: &HashSet<String>) -> Vec<Untranslatable> {
    demo.functions
        .iter()
        .filter(|f| fallible.contains(&f.name))
        .filter_map(|f| {
            let last = f.body.last()?;
            matches!(last.kind, StmtKind::CancelPending(_)).then(|| Untranslatable {
                span: f.span.clone(),
                construct: format!("an exception going out of `{}`", f.name),
                reason: "`asyncio.run` cancels the tasks left pending when its coroutine ends, \
                         however it ends; the Rust listing cancels them at the end of its body, \
                         which the `?` of an exception skips"
                    .into(),
            })
        })
        .collect()
}

/// `f` of `f(...)`, a call of a global name.
pub(super) fn global_callee(c: &py::Expr) -> Option<&str> {
    let E::Call(g, _) = &c.kind else {
        return None;
    };
    match &g.kind {
        E::Name(Name::Global(n)) => Some(n),
        _ => None,
    }
}
