//! An async generator kept past the end of the coroutine `asyncio.run`
//! runs, in a module list that only holds it (`kept.append(g)`, the list
//! read nowhere else): Python does not let go of it when the coroutine
//! ends, and asyncio's shutdown (`shutdown_asyncgens`) closes it, awaiting
//! its `finally` to the end. The list is no item of the listing: the
//! generator's stream drops as the coroutine ends, and its drop guard
//! hands the cleanup to a tracker of tasks that the `run` helper awaits
//! (`rust::closed_at_shutdown`).
//!
//! asyncio cancels the tasks still running before it closes the
//! generators, and closes several at once: the listing takes one kept
//! generator, called once, in a program that leaves no task or callback
//! behind it.

use super::Planner;
use super::logging::walk_all;
use super::module::bound;
use super::name_reads::name_reads;
use crate::program::{self as py, Arg, ExprKind as E, Name, StmtKind as P, Target};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use std::collections::HashSet;
use std::sync::Arc;

pub(super) const KEPT_TO_SHUTDOWN: &str = "the Rust listing closes an async generator that a module list keeps to the end of \
     `asyncio.run` as its shutdown does (its cleanup awaited whole) where the list only \
     holds it, the generator is called once, in the coroutine that `asyncio.run` (called \
     once) runs, and the program leaves no task or callback that asyncio would cancel \
     first: keep the generator in a variable of that coroutine only";

/// The calls that leave a task, a callback or a server running past the
/// statement that makes it.
const LEAVES_WORK: &[&str] = &[
    "create_task",
    "ensure_future",
    "TaskGroup",
    "gather",
    "wait",
    "as_completed",
    "shield",
    "call_soon",
    "call_later",
    "call_at",
    "run_in_executor",
    "to_thread",
    "start_server",
    "run_coroutine_threadsafe",
];

impl Planner<'_> {
    /// The module's lists that only keep what the program's functions
    /// append to them: bound once to `[]` at the module's top level, and
    /// named elsewhere only in statements `name.append(x)` of a local `x`.
    pub(super) fn keeper_lists(&self, code: &[&py::Stmt]) -> HashSet<Arc<str>> {
        let body = &self.program.module.body;
        // Each append, and whether it appends a stream of a generator.
        let mut appends: Vec<(Arc<str>, bool)> = Vec::new();
        // Every binding of a global, in the module's code and its functions.
        let mut binds = bound(body, true);
        py::walk(body, &mut |s| {
            if let Some((list, _)) = appended(s) {
                appends.push((list.clone(), false));
            }
        });
        walk_all(body, &mut |s| {
            let (P::Def { code, .. } | P::Class { code, .. }) = &s.kind else {
                return;
            };
            for (n, k) in bound(&code.body, true) {
                *binds.entry(n).or_default() += k;
            }
            py::walk(&code.body, &mut |t| {
                if let Some((list, var)) = appended(t) {
                    appends.push((list.clone(), self.binds_stream(&code.body, var)));
                }
            });
        });
        code.iter()
            .filter_map(|s| match &s.kind {
                P::Assign { targets, value } => match (targets.as_slice(), &value.kind) {
                    ([Target::Name(Name::Global(n))], E::List(items)) if items.is_empty() => {
                        Some(n.clone())
                    }
                    _ => None,
                },
                _ => None,
            })
            .filter(|n| {
                let added: Vec<bool> = appends
                    .iter()
                    .filter(|(a, _)| a == n)
                    .map(|(_, stream)| *stream)
                    .collect();
                !added.is_empty()
                    && added.iter().all(|stream| *stream)
                    && binds.get(n) == Some(&1)
                    && name_reads(body, n) == added.len()
            })
            .collect()
    }

    /// Whether `body` binds `var` at its top level to a call of an async
    /// generator of the program.
    fn binds_stream(&self, body: &[py::Stmt], var: &str) -> bool {
        body.iter().any(|s| match &s.kind {
            P::Assign { targets, value } => {
                matches!(targets.as_slice(), [Target::Name(n)] if &**n.ident() == var)
                    && matches!(&value.kind, E::Call(f, _)
                        if matches!(&f.kind, E::Name(Name::Global(g))
                            if self.defs.get(&**g).is_some_and(|d| d.kind == Some(FunctionKind::Generator))))
            }
            _ => false,
        })
    }

    /// Whether `s` binds a keeper list (no item of the listing).
    pub(super) fn defines_keeper(&self, s: &py::Stmt) -> bool {
        matches!(&s.kind, P::Assign { targets, .. }
            if matches!(targets.as_slice(), [Target::Name(Name::Global(n))] if self.keepers.contains(n)))
    }

    /// Whether `s` is `list.append(var)` of a keeper list.
    pub(super) fn keeps(&self, s: &py::Stmt, var: &str) -> bool {
        appended(s).is_some_and(|(list, x)| self.keepers.contains(list) && x == var)
    }

    /// Whether the generator `generator`, called in `owner` and kept to the
    /// end of `asyncio.run`, closes there as the listing closes it.
    pub(super) fn closes_at_shutdown(&self, owner: &str, generator: &str) -> bool {
        let whole = 0..self.program.source.len();
        let mut runs = Vec::new();
        py::walk(&self.program.module.body, &mut |s| {
            if let Some((c, _)) = self.asyncio_run(s) {
                runs.push(c);
            }
        });
        let runs_owner = matches!(runs.as_slice(), [c]
            if matches!(&c.kind, E::Call(f, _) if matches!(&f.kind, E::Name(n) if &**n.ident() == owner)));
        let mut kept = 0;
        walk_all(&self.program.module.body, &mut |s| {
            kept += usize::from(appended(s).is_some_and(|(l, _)| self.keepers.contains(l)));
        });
        runs_owner
            && kept == 1
            && self.word_count(&whole, generator) == 2
            && LEAVES_WORK.iter().all(|w| self.word_count(&whole, w) == 0)
    }

    /// `list.append(var)` of a keeper list: a comment (the stream kept in
    /// `var` closes at the end of `asyncio.run`, or is refused there).
    pub(super) fn keeper_append(&self, s: &py::Stmt) -> Option<StmtKind> {
        let (list, var) = appended(s)?;
        self.keepers.contains(list).then(|| {
            StmtKind::Note(format!(
                "`{list}` keeps `{var}` to the end of `asyncio.run`, whose shutdown closes the \
                 generator, its cleanup awaited (see `run`)."
            ))
        })
    }

    /// Notes the generator `name` as kept to the end of `asyncio.run`.
    pub(super) fn close_at_shutdown(&self, name: &str) {
        self.closed_gens.borrow_mut().insert(name.to_string());
    }
}

/// `list.append(var)` as a statement, of a module list and a local name.
fn appended(s: &py::Stmt) -> Option<(&Arc<str>, &str)> {
    let P::Expr(e) = &s.kind else {
        return None;
    };
    let E::Call(f, args) = &e.kind else {
        return None;
    };
    let E::Attr(obj, m) = &f.kind else {
        return None;
    };
    let (E::Name(Name::Global(list)), [Arg::Positional(x)]) = (&obj.kind, args.as_slice()) else {
        return None;
    };
    let var = super::stmt::local_name(x)?;
    (&**m == "append").then_some((list, var))
}
