//! The names asyncio gives the tasks of a list made without `name=`:
//! `Task-N`, numbered in the order the whole program creates tasks, the
//! coroutine `asyncio.run` starts being `Task-1`. Tokio's tasks have no
//! names, so the listing numbers them as asyncio does where the number is
//! known from the program's text: the list is made by the first statement
//! of the entry coroutine that creates a task, and the statements before
//! it only print, await nothing and call nothing else.

use super::scope::Scope;
use super::stmt::local_name;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, StmtKind as P, Target};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};

/// What a statement before the list must not hold: an `await`, or what
/// creates a task without a call (`async with asyncio.TaskGroup()` has one).
const CREATES: [&str; 2] = ["await", "async "];

/// How many calls `text` makes: a `(` right after a name or a closing
/// bracket (one after a space, `[`, `(` or `,` opens a tuple).
fn calls_in(text: &str) -> usize {
    let mut prev = ' ';
    let mut n = 0;
    for c in text.chars() {
        if c == '(' && (prev.is_alphanumeric() || matches!(prev, '_' | ')' | ']')) {
            n += 1;
        }
        prev = c;
    }
    n
}

/// How many times `text` calls the function `name` (not a method).
fn words_called(text: &str, name: &str) -> usize {
    super::task_state::words(text, name)
        .filter(|(before, after)| after.starts_with('(') && !before.ends_with('.'))
        .count()
}

impl Planner<'_> {
    /// The number asyncio gives the first task of the list `value` that
    /// the statement `s` makes (`tasks = [asyncio.create_task(f(...)) for
    /// ...]`), when it is known.
    pub(super) fn first_task_number(&self, s: &py::Stmt) -> Option<u32> {
        if let Some(n) = self.counted_task_number(s.span.start) {
            return Some(n);
        }
        let source = &self.program.source;
        let entry = self
            .program
            .module
            .body
            .iter()
            .find_map(|m| match &m.kind {
                P::Expr(e) => self.entry_of(e),
                _ => None,
            })?;
        let body = self
            .program
            .module
            .body
            .iter()
            .find_map(|m| match &m.kind {
                P::Def { code, .. } if *code.name == *entry && code.is_async => Some(&code.body),
                _ => None,
            })?;
        let at = body.iter().position(|b| b.span == s.span)?;
        // Any call but `print` might create a task (a method of an object
        // too): only literals, names and printing go before.
        let called = |text: &str| {
            CREATES.iter().any(|w| text.contains(w)) || calls_in(text) > words_called(text, "print")
        };
        let before = body[..at].iter().any(|b| called(&source[b.span.clone()]));
        // The statement itself calls `create_task`, the coroutine and
        // `range` only.
        let own = &source[s.span.clone()];
        let calls = calls_in(own) - words_called(own, "range");
        (!before && calls <= 2).then_some(2)
    }

    /// Notes the number of the first task of the list `target = value`
    /// that `s` makes, when it is known (see [`Scope::task_numbers`]).
    pub(super) fn note_task_numbers(
        &self,
        sc: &mut Scope,
        s: &py::Stmt,
        target: &Target,
        value: &py::Expr,
    ) {
        let Target::Name(n) = target else {
            return;
        };
        let name = n.ident().to_string();
        sc.task_numbers.remove(&name);
        if sc.task_lists.contains(&name)
            && unnamed_spawns(value)
            && let Some(first) = self.first_task_number(s)
        {
            sc.task_numbers.insert(name, first);
        }
    }

    /// After `var = asyncio.create_task(f(...))` (`args`) made by `s`:
    /// without `name=`, the name asyncio gives it where it is known
    /// (`Task-2`, see [`Planner::first_task_number`]), and none else.
    pub(super) fn note_task_number(&self, sc: &mut Scope, s: &py::Stmt, var: &str, args: &[Arg]) {
        if args.len() != 1 {
            return;
        }
        match self.first_task_number(s) {
            Some(n) => sc.task_names.insert(var.to_string(), format!("Task-{n}")),
            None => sc.task_names.remove(var),
        };
    }

    /// `task.get_name()` of a task of a list, inside an expression: the
    /// name asyncio gave it, when the list's numbers are known (see
    /// [`Planner::first_task_number`]); `None` for a task of no list.
    pub(super) fn item_name(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        let Some(obj) = super::stmt::method_call(e, "get_name") else {
            return Ok(None);
        };
        let Some(task) = local_name(obj).filter(|t| sc.task_item(t)) else {
            return Ok(None);
        };
        let list = sc.item_lists.borrow().get(task).cloned();
        if list
            .as_ref()
            .is_some_and(|l| sc.named_lists.contains(l) && self.loop_lists(task) == [l.clone()])
        {
            return Ok(Some(ExprKind::Task(
                TaskOp::GivenName,
                sc.local(task, &obj.span)?,
            )));
        }
        // The listing finds a loop variable's list by its name: one list.
        let lists = self.loop_lists(task);
        let one_list = lists.len() == 1 && list.as_ref().is_some_and(|l| lists.contains(l));
        match list
            .filter(|_| one_list)
            .and_then(|l| sc.task_numbers.get(&l).copied())
        {
            Some(first) => Ok(Some(ExprKind::Task(
                TaskOp::Name(first),
                sc.local(task, &obj.span)?,
            ))),
            None => refuse(
                &e.span,
                format!("`{task}.get_name()` of a task without `name=`"),
                "Tokio's tasks have no names, and asyncio numbers its own (`Task-2`) in the \
                 order the whole program creates them: the Rust listing numbers the tasks of a \
                 list the entry coroutine makes when every task made before it can be counted \
                 (made by the entry coroutine's own statements, not in a loop, a `try` or \
                 another coroutine)",
            ),
        }
    }
}

impl Planner<'_> {
    /// The names that loops and comprehensions over `var` go over
    /// (`for var in name`), anywhere in the program.
    fn loop_lists(&self, var: &str) -> Vec<String> {
        let head = format!("for {var} in ");
        let mut out: Vec<String> = Vec::new();
        for (i, _) in self.program.source.match_indices(&head) {
            let rest = &self.program.source[i + head.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                .collect();
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }
}

/// Whether `value` is a comprehension of one `create_task` without
/// `name=`, or a list of them.
pub(super) fn unnamed_spawns(value: &py::Expr) -> bool {
    let unnamed = |e: &py::Expr| matches!(&e.kind, E::Call(_, args) if args.len() == 1);
    match &value.kind {
        E::List(items) => items.iter().all(unnamed),
        E::Comprehension(c) => unnamed(&c.element),
        _ => false,
    }
}
