//! A list of tasks made at once whose coroutine's cancellation ends it
//! after a cleanup that awaits (see `plan::cancel_end_lists`): each task
//! watches a `CancellationToken` of its own, made in the loop that spawns
//! the list's tasks and kept in a map by the task's id, `tasks_tokens`.
//! `t.cancel()` of an item cancels its token; awaiting an item gives
//! whether it ended cancelled (see `cancel_ends`).

use super::Renderer;
use super::names::ident;
use crate::render::plan::ir::ast::{Call, Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// The call of `value`, a comprehension of spawned tasks each of which
/// watches a token of its own.
pub(super) fn watching_call<'a>(demo: &Demo, value: &'a Expr) -> Option<&'a Call> {
    let ExprKind::Comp {
        value,
        filter: None,
        ..
    } = &value.kind
    else {
        return None;
    };
    match &value.kind {
        ExprKind::Spawn(call) if demo.cancel_ends.contains_key(&call.name) => Some(call),
        _ => None,
    }
}

/// The map of a list's tokens by the task's id.
fn tokens_of(list: &str) -> String {
    format!("{}_tokens", list.trim_start_matches("r#"))
}

impl Renderer<'_> {
    /// Whether `list` holds tasks that watch a token each.
    pub(super) fn tokened_list(&self, list: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        walk(&f.body, &mut |s| {
            if let StmtKind::Set { var, value } = &s.kind {
                found |= var == list && watching_call(self.demo, value).is_some();
            }
        });
        found
    }

    /// The list that the loop variable `task` goes over, where its tasks
    /// watch a token each.
    pub(super) fn tokened_item(&self, task: &str) -> Option<String> {
        let f = self.demo.function(&self.func)?;
        let mut found = None;
        walk(&f.body, &mut |s| {
            if let StmtKind::For { var, over, .. } = &s.kind
                && var == task
                && let ExprKind::Var(list) = &over.kind
                && self.tokened_list(list)
            {
                found = Some(list.clone());
            }
        });
        found
    }

    /// `list = [asyncio.create_task(f(...)) for v in range(n)]` of tasks
    /// that watch a token each: a loop that makes each token, spawns the
    /// task with it and keeps it by the task's id. False (nothing
    /// written) for any other assignment.
    pub(super) fn tokened_list_set(&mut self, list: &str, value: &Expr) -> bool {
        let Some(call) = watching_call(self.demo, value) else {
            return false;
        };
        let ExprKind::Comp { var, over, .. } = &value.kind else {
            return false;
        };
        self.use_("tokio_util::sync", "CancellationToken");
        self.use_("std::collections", "HashMap");
        let over = self.expr(over);
        let mut read = Vec::new();
        for a in &call.args {
            a.variables(&mut read);
        }
        let pat = if read.iter().any(|(n, _)| n == var) {
            self.declared.insert(var.clone());
            ident(var)
        } else {
            "_".to_string()
        };
        let (l, tokens) = (ident(list), tokens_of(list));
        self.declared.insert(list.to_string());
        self.line("// Each task awaits a cleanup once cancelled: a token of its own, which");
        self.line("// it watches, kept by the task's id.");
        self.line(format!("let mut {l} = Vec::new();"));
        self.line(format!("let mut {tokens} = HashMap::new();"));
        self.line(format!("for {pat} in {} {{", over.text));
        self.indent += 1;
        self.line("let token = CancellationToken::new();");
        let spawn = self.spawn_expr(call);
        self.line(format!("let handle = {};", spawn.text));
        self.line(format!("{tokens}.insert(handle.id(), token);"));
        self.line(format!("{l}.push(handle);"));
        self.indent -= 1;
        self.line("}");
        true
    }

    /// `task.cancel()` of an item of a list whose tasks watch a token
    /// each: its token cancelled. False (nothing written) for any other.
    pub(super) fn tokened_cancel(&mut self, task: &str) -> bool {
        let Some(list) = self.tokened_item(task) else {
            return false;
        };
        self.line("// Its token is cancelled: the task runs its cleanup, awaits and all.");
        self.line(format!(
            "{}[&{}.id()].cancel();",
            tokens_of(&list),
            ident(task)
        ));
        true
    }
}
