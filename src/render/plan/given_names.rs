//! A list of tasks made by a comprehension that names each one:
//! `tasks = [asyncio.create_task(f(x), name=label) for x in items]`.
//! Tokio's tasks have no names, so the listing makes the list as for tasks
//! without names, then maps each task's `tokio::task::Id` to the name the
//! same comprehension gives it; `t.get_name()` of a task of the list looks
//! its id up there (see `render::rust::task_names`).

use super::scope::Scope;
use super::stmt::{Step, one};
use super::task_state::words;
use super::{Planner, Result};
use crate::program::{self as py, Arg, CompKind, ExprKind as E, Module, Target};
use crate::render::plan::ir::ast::StmtKind;
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::value::Value;
use std::sync::Arc;

/// Whether evaluating `e` again gives the same value and does nothing
/// else: literals, names, and tuples, lists, items and f-strings of them.
fn calls_nothing(e: &py::Expr) -> bool {
    match &e.kind {
        E::Literal(_) | E::Name(_) => true,
        E::Tuple(items) | E::List(items) => items.iter().all(calls_nothing),
        E::Subscript(a, b) => calls_nothing(a) && calls_nothing(b),
        E::FString(parts) => parts_call_nothing(parts),
        _ => false,
    }
}

/// Whether the holes of an f-string (and of their specs) call nothing.
fn parts_call_nothing(parts: &[py::FormatPart]) -> bool {
    parts.iter().all(|p| match p {
        py::FormatPart::Literal(_) => true,
        py::FormatPart::Field { value, spec, .. } => {
            calls_nothing(value) && parts_call_nothing(spec)
        }
    })
}

/// The name a loop variable stands for.
fn target_name(t: &Target) -> Option<&str> {
    match t {
        Target::Name(n) => Some(n.ident()),
        _ => None,
    }
}

/// The names `label` gives, when it is a variable of the comprehension's
/// `target` and `items` a list or tuple of literals: each item's string.
fn literal_names(target: &Target, items: &py::Expr, label: &py::Expr) -> Option<Vec<Arc<str>>> {
    let label = super::stmt::local_name(label)?;
    let (E::List(items) | E::Tuple(items)) = &items.kind else {
        return None;
    };
    items
        .iter()
        .map(|item| {
            let value = match target {
                Target::Name(_) => item,
                Target::Unpack(targets, None) => {
                    let E::Tuple(parts) = &item.kind else {
                        return None;
                    };
                    if parts.len() != targets.len() {
                        return None;
                    }
                    let at = targets.iter().position(|t| target_name(t) == Some(label))?;
                    &parts[at]
                }
                _ => return None,
            };
            match &value.kind {
                E::Literal(py::Literal::Str(s)) => Some(s.clone()),
                _ => None,
            }
        })
        .collect()
}

impl Planner<'_> {
    /// Whether `label` reads every name the loop's `target` binds.
    fn reads_all(&self, target: &Target, label: &py::Expr) -> bool {
        let text = &self.program.source[label.span.clone()];
        let names: Vec<&str> = match target {
            Target::Name(n) => vec![n.ident()],
            Target::Unpack(targets, None) => {
                let names: Option<Vec<&str>> = targets.iter().map(target_name).collect();
                let Some(names) = names else {
                    return false;
                };
                names
            }
            _ => return false,
        };
        names.iter().all(|n| words(text, n).next().is_some())
    }

    /// `var = [asyncio.create_task(f(...), name=label) for x in items]`
    /// (the statement `rest[0]`), where `items` and `label` call nothing:
    /// the list, then its names (see the module's doc); `None` for another
    /// statement.
    pub(super) fn named_task_list(
        &self,
        sc: &mut Scope,
        rest: &[py::Stmt],
        target: &Target,
        value: &py::Expr,
    ) -> Result<Option<Step>> {
        let Target::Name(n) = target else {
            return Ok(None);
        };
        let E::Comprehension(c) = &value.kind else {
            return Ok(None);
        };
        let [g] = c.generators.as_slice() else {
            return Ok(None);
        };
        if c.kind != CompKind::List || c.is_async || !g.ifs.is_empty() || !calls_nothing(&g.iter) {
            return Ok(None);
        }
        let E::Call(f, args) = &c.element.kind else {
            return Ok(None);
        };
        let [Arg::Positional(coro), Arg::Keyword(k, label)] = args.as_slice() else {
            return Ok(None);
        };
        if !self.is_member(f, Module::Asyncio, "create_task")
            || &**k != "name"
            || !calls_nothing(label)
        {
            return Ok(None);
        }
        // The list, as the same comprehension without the names makes it.
        let with = |element: py::Expr| py::Expr {
            kind: E::Comprehension(Arc::new(py::Comprehension {
                element,
                ..(**c).clone()
            })),
            ..value.clone()
        };
        let unnamed = with(py::Expr {
            kind: E::Call(f.clone(), vec![Arg::Positional(coro.clone())]),
            ..c.element.clone()
        });
        let names = match literal_names(&g.target, &g.iter, label) {
            Some(names) => Expr {
                kind: ExprKind::List(
                    names
                        .iter()
                        .map(|n| Expr::lit(Value::Str(n.as_ref().into())))
                        .collect(),
                ),
                span: label.span.clone(),
            },
            // The comprehension again, reading each name it binds (Rust
            // warns of a pattern's unused name).
            None if self.reads_all(&g.target, label) => self.expr(sc, &with(label.clone()))?,
            None => return Ok(None),
        };
        let (list, used) = self.assign(sc, rest, std::slice::from_ref(target), &unnamed)?;
        let list_name = n.ident().to_string();
        // asyncio numbers none of them: each has the name given.
        sc.task_numbers.remove(&list_name);
        if used != 1 {
            // The list and the loop after it are one shape (`as_completed`),
            // which keeps no list to name.
            return Ok(Some((list, used)));
        }
        sc.named_lists.push(list_name.clone());
        if let Some(list) = list {
            self.lifted.borrow_mut().push(list.kind);
        }
        Ok(Some(one(
            &rest[0],
            StmtKind::GivenNames {
                list: list_name,
                names,
            },
        )?))
    }
}
