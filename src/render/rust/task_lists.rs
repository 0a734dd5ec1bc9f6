//! `cancelled()` of the tasks of a list that the function aborts items of
//! (`for t in tasks: t.cancel()`, `tasks[i].cancel()`): a `JoinHandle`
//! tells whether its task has finished, not how, so the listing keeps the
//! ids of the list's tasks it aborted before they finished, in
//! `tasks_aborted`; a task is cancelled when its id is there and it has
//! finished since.

use super::Renderer;
use super::analysis::{joins, pattern_names, stmt_exprs};
use super::code::Code;
use super::expr_walk::each_expr;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Function, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, StrMethod};

/// Calls `f` with each expression of `s` and of the statements inside it.
fn each_deep<'a>(s: &'a Stmt, f: &mut impl FnMut(&'a Expr)) {
    let mut visit = |s: &'a Stmt| {
        for (e, _) in stmt_exprs(s) {
            each_expr(e, f);
        }
    };
    visit(s);
    for inner in s.blocks() {
        walk(inner, &mut visit);
    }
}

/// The list of tasks `var` goes over: the variable of a `for` loop or of
/// a comprehension over a variable that `is_tasks` says holds tasks.
fn list_of(f: &Function, var: &str, is_tasks: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut out = None;
    let mut note = |v: &String, over: &Expr| {
        let over = match &over.kind {
            // A dict's `values()` or `items()`: the dict.
            ExprKind::StrMethod(StrMethod::Values | StrMethod::Items, dict, args)
                if args.is_empty() =>
            {
                dict
            }
            _ => over,
        };
        if pattern_names(v).any(|n| n == var)
            && let ExprKind::Var(list) = &over.kind
            && is_tasks(list)
        {
            out.get_or_insert_with(|| list.clone());
        }
    };
    walk(&f.body, &mut |s| {
        if let StmtKind::For { var: v, over, .. } = &s.kind {
            note(v, over);
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if let ExprKind::Comp { var: v, over, .. } = &x.kind {
                    note(v, over);
                }
            });
        }
    });
    out
}

/// The list whose item `s` aborts: `tasks[i].cancel()`, or `t.cancel()`
/// with `t` going over `tasks`.
fn aborted_list(f: &Function, s: &Stmt, is_tasks: &dyn Fn(&str) -> bool) -> Option<String> {
    match &s.kind {
        StmtKind::CancelItem(item) => match &item.kind {
            ExprKind::Call(Builtin::Index, args) => match args.first().map(|a| &a.kind) {
                Some(ExprKind::Var(list)) => Some(list.clone()),
                _ => None,
            },
            _ => None,
        },
        StmtKind::Cancel { task } => list_of(f, task, is_tasks),
        _ => None,
    }
}

/// Whether `s`, or a statement inside it, aborts an item of `list`.
fn aborts_item(f: &Function, s: &Stmt, list: &str, is_tasks: &dyn Fn(&str) -> bool) -> bool {
    let aborts = |s: &Stmt| aborted_list(f, s, is_tasks).is_some_and(|l| l == list);
    let mut found = aborts(s);
    for inner in s.blocks() {
        walk(inner, &mut |s| found |= aborts(s));
    }
    found
}

impl Renderer<'_> {
    /// Whether the variable `name` holds a list (or a dict) of tasks.
    fn is_tasks(&self) -> impl Fn(&str) -> bool + '_ {
        |name| match self.var_ty(name) {
            Ty::Dict(_, v) => matches!(*v, Ty::Task(_)),
            t => matches!(t.elem(), Ty::Task(_)),
        }
    }

    /// The set of the ids of `list`'s tasks aborted before they finished,
    /// when the function reads `cancelled()` of its items and aborts some.
    fn aborted_set(&self, list: &str) -> Option<String> {
        let f = self.demo.function(&self.func)?;
        let is_tasks = self.is_tasks();
        let mut reads = false;
        for s in &f.body {
            each_deep(s, &mut |x| {
                reads |= matches!(&x.kind, ExprKind::Cancelled(t)
                    if list_of(f, t, &is_tasks).is_some_and(|l| l == list));
            });
        }
        let aborts = f.body.iter().any(|s| aborts_item(f, s, list, &is_tasks));
        // Tasks that watch a token each say how they ended (see `token_lists`).
        (reads && aborts && !self.tokened_list(list))
            .then(|| format!("{}_aborted", list.trim_start_matches("r#")))
    }

    /// Before a statement of the function's block that is the first to
    /// abort an item of a list whose items' `cancelled()` it reads: the
    /// empty set of aborted ids.
    pub(super) fn declare_aborted(&mut self, s: &Stmt) {
        let Some(f) = self.demo.function(&self.func) else {
            return;
        };
        let is_tasks = self.is_tasks();
        let mut lists: Vec<String> = Vec::new();
        let mut note = |s: &Stmt| {
            if let Some(l) = aborted_list(f, s, &is_tasks)
                && !lists.contains(&l)
            {
                lists.push(l);
            }
        };
        note(s);
        for inner in s.blocks() {
            walk(inner, &mut note);
        }
        let sets: Vec<String> = lists
            .iter()
            .filter(|list| {
                let first = f.body.iter().find(|t| aborts_item(f, t, list, &is_tasks));
                first.is_some_and(|t| t.id == s.id)
            })
            .filter_map(|list| self.aborted_set(list))
            .collect();
        drop(is_tasks);
        for set in sets {
            self.use_("std::collections", "HashSet");
            self.line("// A handle does not say how its task ended: remember the aborts.");
            self.line(format!("let mut {set} = HashSet::new();"));
        }
    }

    /// Before `handle.abort()` of an item of a list with a set: an abort
    /// before the task finished cancels it.
    pub(super) fn note_item_abort(&mut self, list: &str, handle: &str) -> bool {
        let Some(set) = self.aborted_set(list) else {
            return false;
        };
        self.line(format!("if !{handle}.is_finished() {{"));
        self.line(format!("    {set}.insert({handle}.id());"));
        self.line("}");
        true
    }

    /// The list that `task`, a loop's or comprehension's variable, goes
    /// over.
    pub(super) fn item_list(&self, task: &str) -> Option<String> {
        list_of(self.demo.function(&self.func)?, task, &self.is_tasks())
    }

    /// `task.cancelled()` of an item of `list`.
    pub(super) fn item_cancelled(&self, list: &str, task: &str) -> Code {
        match self.aborted_set(list) {
            Some(set) => Code::new(
                format!(
                    "{set}.contains(&{t}.id()) && {t}.is_finished()",
                    t = ident(task)
                ),
                Ty::Bool,
                2,
            ),
            None => Code::new("false", Ty::Bool, 10),
        }
    }
}

/// The head of a `for` loop over a dict of tasks' `values()` or `items()`
/// (`c`) whose body awaits its task `var` (or the task of the pattern
/// `var`): each handle is awaited through `&mut`.
pub(super) fn dict_mut(c: &Code, body: &Block, var: &str) -> Option<String> {
    if !c.range || !matches!(c.ty.elem(), Ty::Task(_) | Ty::Tuple(_)) {
        return None;
    }
    if !pattern_names(var).any(|n| joins(body, n)) {
        return None;
    }
    if let Some(dict) = c.text.strip_suffix(".values()") {
        return Some(format!("{dict}.values_mut()"));
    }
    let dict = c.text.strip_suffix(".iter()")?;
    matches!(&c.ty.elem(), Ty::Tuple(items) if matches!(items.get(1), Some(Ty::Task(_))))
        .then(|| format!("{dict}.iter_mut()"))
}
