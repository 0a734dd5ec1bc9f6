//! Lists of tasks (`tasks = [asyncio.create_task(f(...)), ...]`), dicts
//! of tasks (`{k: asyncio.create_task(f(k)) for k in ...}`) and the loops
//! over them: inside `for t in tasks:` (`for t in tasks.values():`), `t`
//! is a task, so that `try: await t except asyncio.CancelledError: ...`
//! goes on to the next one (the listing matches the handle's `JoinError`).

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, CompKind, ExprKind as E, Module, Span, Target};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::StrMethod;

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
        let is_dict = matches!(&value.kind, E::Comprehension(c)
            if c.kind == CompKind::Dict
                && c.generators.len() == 1
                && c.value.as_ref().is_some_and(spawns));
        let name = n.ident().to_string();
        sc.task_lists.retain(|l| *l != name);
        sc.task_dicts.retain(|l| *l != name);
        sc.named_lists.retain(|l| *l != name);
        if is_list {
            sc.task_lists.push(name);
        } else if is_dict {
            sc.task_dicts.push(name);
        }
    }

    /// The loop variable of `for t in tasks:` over a list of tasks (or
    /// `tasks.values()`, `for key, t in tasks.items()` of a dict), which
    /// the caller keeps in [`Scope::task_loops`] while it plans the body.
    pub(super) fn task_loop_var(
        &self,
        sc: &Scope,
        target: &Target,
        iter: &py::Expr,
    ) -> Option<String> {
        let is_dict =
            |d: &py::Expr| local_name(d).is_some_and(|d| sc.task_dicts.iter().any(|t| t == d));
        if let Target::Unpack(names, None) = target
            && let [Target::Name(_), Target::Name(t)] = names.as_slice()
            && super::stmt::method_call(iter, "items").is_some_and(is_dict)
        {
            // `for key, t in tasks.items()`.
            return Some(t.ident().to_string());
        }
        let Target::Name(t) = target else {
            return None;
        };
        let listed = local_name(iter).filter(|l| sc.task_lists.iter().any(|t| t == l));
        let valued = super::stmt::method_call(iter, "values").is_some_and(is_dict);
        if let Some(list) = listed {
            sc.item_lists
                .borrow_mut()
                .insert(t.ident().to_string(), list.to_string());
        }
        (listed.is_some() || valued).then(|| t.ident().to_string())
    }
}

impl Scope {
    /// Whether `name` is a task of a list: the variable of a `for` loop or
    /// a comprehension over one.
    pub(super) fn task_item(&self, name: &str) -> bool {
        self.task_loops.iter().any(|t| t == name)
            || self.comp_tasks.borrow().iter().any(|t| t == name)
    }
}

impl Planner<'_> {
    /// Plans the element of a comprehension with its variable `target`
    /// known as a task while `iter` is a list of tasks (`[t.done() for t
    /// in tasks]`).
    pub(super) fn over_tasks<T>(
        &self,
        sc: &Scope,
        target: &Target,
        iter: &py::Expr,
        plan: impl FnOnce() -> T,
    ) -> T {
        let task = self.task_loop_var(sc, target, iter);
        let pushed = task.is_some();
        sc.comp_tasks.borrow_mut().extend(task);
        let out = plan();
        if pushed {
            sc.comp_tasks.borrow_mut().pop();
        }
        out
    }
}

impl Planner<'_> {
    /// `tasks[i].cancel()` as a statement, of a list or dict of tasks.
    pub(super) fn cancel_item(&self, sc: &Scope, e: &py::Expr) -> Result<Option<StmtKind>> {
        let Some(obj) = super::stmt::method_call(e, "cancel") else {
            return Ok(None);
        };
        let E::Subscript(list, _) = &obj.kind else {
            return Ok(None);
        };
        if !local_name(list)
            .is_some_and(|l| sc.task_lists.iter().chain(&sc.task_dicts).any(|t| t == l))
        {
            return Ok(None);
        }
        Ok(Some(StmtKind::CancelItem(self.expr(sc, obj)?)))
    }
}

/// Refuses `tasks.items()`, `.keys()` or `.values()` of a list of tasks:
/// Python raises `AttributeError` there.
pub(super) fn dict_method_of_list(
    sc: &Scope,
    method: StrMethod,
    obj: &py::Expr,
    span: &Span,
) -> Result<()> {
    if matches!(
        method,
        StrMethod::Items | StrMethod::Keys | StrMethod::Values
    ) && let Some(list) = local_name(obj).filter(|l| sc.task_lists.iter().any(|t| t == l))
    {
        return refuse(
            span,
            format!("`{list}.{}()` of a list", method_name(method)),
            "a list has no such method: Python raises `AttributeError` here",
        );
    }
    Ok(())
}

/// Python's name of a method.
fn method_name(method: StrMethod) -> &'static str {
    StrMethod::ALL
        .iter()
        .find(|(_, _, m)| *m == method)
        .map_or("?", |(name, _, _)| name)
}
