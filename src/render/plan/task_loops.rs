//! Lists of tasks (`tasks = [asyncio.create_task(f(...)), ...]`) and the
//! loops over them: inside `for t in tasks:`, `t` is a task, so that
//! `try: await t except asyncio.CancelledError: ...` goes on to the next
//! one (the listing matches the handle's `JoinError`).

use super::Planner;
use super::scope::Scope;
use super::stmt::local_name;
use crate::program::{self as py, ExprKind as E, Module, Target};

impl Planner<'_> {
    /// Notes `name = [asyncio.create_task(...), ...]` (or a comprehension
    /// of one `create_task`) as a list of tasks.
    pub(super) fn note_task_list(&self, sc: &mut Scope, target: &Target, value: &py::Expr) {
        let Target::Name(n) = target else {
            return;
        };
        let spawns = |e: &py::Expr| matches!(&e.kind, E::Call(f, _) if self.is_member(f, Module::Asyncio, "create_task"));
        let is_list = match &value.kind {
            E::List(items) => !items.is_empty() && items.iter().all(spawns),
            E::Comprehension(c) => c.generators.len() == 1 && spawns(&c.element),
            _ => false,
        };
        let name = n.ident().to_string();
        sc.task_lists.retain(|l| *l != name);
        if is_list {
            sc.task_lists.push(name);
        }
    }

    /// The loop variable of `for t in tasks:` over a list of tasks, which
    /// the caller keeps in [`Scope::task_loops`] while it plans the body.
    pub(super) fn task_loop_var(
        &self,
        sc: &Scope,
        target: &Target,
        iter: &py::Expr,
    ) -> Option<String> {
        let Target::Name(t) = target else {
            return None;
        };
        let over = local_name(iter)?;
        sc.task_lists
            .iter()
            .any(|l| l == over)
            .then(|| t.ident().to_string())
    }
}
