//! `task.get_name()` of the tasks of a list made without `name=` (see
//! `plan::task_names`) or by a comprehension that names each (see
//! `plan::given_names`): Tokio's tasks have no names, so right after the
//! list the listing maps each task's `tokio::task::Id` to the name asyncio
//! numbers it by, or the one it was given, and a read looks its task's id
//! up there.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_expr_of;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Stmt, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind, TaskOp};

/// The map of the names of `list`'s tasks.
fn names_map(list: &str) -> String {
    format!("{}_names", list.trim_start_matches("r#"))
}

impl Renderer<'_> {
    /// The number of the first task of `list`, when the function reads
    /// the name of one of its tasks.
    fn first_number(&self, list: &str) -> Option<u32> {
        let f = self.demo.function(&self.func)?;
        let mut first = None;
        each_expr_of(f, &mut |x| {
            if let ExprKind::Task(TaskOp::Name(n), t) = &x.kind
                && self.item_list(t).is_some_and(|l| l == list)
            {
                first = Some(*n);
            }
        });
        first
    }

    /// After `list = [...]` of tasks whose names the function reads: the
    /// map from each task's id to its name.
    pub(super) fn declare_task_names(&mut self, s: &Stmt) {
        let StmtKind::Set { var, .. } = &s.kind else {
            return;
        };
        if !matches!(self.var_ty(var).elem(), Ty::Task(_)) {
            return;
        }
        let Some(first) = self.first_number(var) else {
            return;
        };
        self.use_("std::collections", "HashMap");
        self.line("// Tokio's tasks have no names: asyncio numbers them as it creates them.");
        self.line(format!(
            "let {}: HashMap<_, _> = ({first}..)",
            names_map(var)
        ));
        self.line(format!("    .zip(&{})", ident(var)));
        self.line("    .map(|(n, t)| (t.id(), format!(\"Task-{n}\")))");
        self.line("    .collect();");
    }

    /// After a list of tasks made with `name=`: the map from each task's
    /// id to the name `names` gives it, in the list's order.
    pub(super) fn given_names(&mut self, list: &str, names: &Expr) {
        self.use_("std::collections", "HashMap");
        let names = self.expr(names);
        // A list of literals is an array; a comprehension, its iterator.
        let names = names.text.strip_prefix("vec!").unwrap_or(&names.text);
        let names = names.strip_suffix(".collect::<Vec<_>>()").unwrap_or(names);
        self.line("// Tokio's tasks have no names: each task's id, with the name it was given.");
        let calls = [
            ".iter()".to_string(),
            ".map(|t| t.id())".to_string(),
            format!(".zip({names})"),
            ".collect()".to_string(),
        ];
        let head = format!("let {}: HashMap<_, _> = ", names_map(list));
        self.chain_line(&head, &ident(list), &calls, ";");
    }

    /// `task.get_name()` of a task of a list: its name, by its id.
    pub(super) fn task_name(&self, task: &str) -> Code {
        let list = self.item_list(task).unwrap_or_default();
        Code::new(
            format!("{}[&{}.id()]", names_map(&list), ident(task)),
            Ty::Str,
            10,
        )
    }
}
