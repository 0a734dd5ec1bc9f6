//! A task whose cancellation ends it after a cleanup that awaits (see
//! `plan::cancel_ends`): its coroutine watches a token, awaits the cleanup
//! once the token is cancelled, and gives whether it ended cancelled. `try:
//! await t except asyncio.CancelledError:` reads that output, and
//! `t.cancelled()` in the handler the output kept.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Function, StmtKind, TokenEnd};
use crate::render::plan::ir::expr::ExprKind;

impl Renderer<'_> {
    /// How `func` ends when its token is cancelled, where it is the
    /// coroutine of a task whose cancellation ends it.
    pub(super) fn cancel_end(&self, func: &str) -> Option<TokenEnd> {
        self.demo.cancel_ends.get(func).copied()
    }

    /// Whether the function being written keeps in `task` a task whose
    /// cancellation ends it.
    fn ended_task(&self, task: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        if self.tokened_item(task).is_some() {
            return true;
        }
        let mut found = false;
        f.walk(&mut |s| {
            if let StmtKind::Spawn { call, into } = &s.kind
                && into == task
            {
                found |= self.cancel_end(&call.name).is_some();
            }
        });
        found
    }

    /// Whether the token `name` is that of a task whose cancellation ends
    /// it (one kept in a variable, or one `asyncio.run` cancels at its end).
    pub(super) fn ended_token(&self, name: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        f.walk(&mut |s| match &s.kind {
            StmtKind::Spawn { call, into } if format!("{into}_token") == name => {
                found |= self.cancel_end(&call.name).is_some();
            }
            StmtKind::CancelPending(tasks) => {
                found |= tasks.iter().any(|p| {
                    p.token.as_deref() == Some(name) && self.cancel_end(&p.coroutine).is_some()
                });
            }
            _ => {}
        });
        found
    }

    /// The handles of tasks whose cancellation ends them are awaited once,
    /// by value: not `mut` (where a read of `t.cancelled()` would make them).
    pub(super) fn unmut_ended_tasks(&mut self, f: &Function) {
        let mut spawns = std::collections::HashMap::new();
        f.walk(&mut |s| {
            if let StmtKind::Spawn { call, into } = &s.kind
                && self.cancel_end(&call.name).is_some()
            {
                *spawns.entry(into.clone()).or_insert(0) += 1;
            }
        });
        self.assigned.extend(spawns);
    }

    /// The flag that keeps whether `task` ended cancelled, read as
    /// `task.cancelled()` in the handler of the `try` that awaits it.
    fn ended_flag(task: &str) -> String {
        format!("{}_cancelled", task.trim_start_matches("r#"))
    }

    /// `task.cancelled()` of a task whose cancellation ends it: the output
    /// kept where it was awaited.
    pub(super) fn ended_cancelled(&self, task: &str) -> Option<Code> {
        self.ended_task(task)
            .then(|| Code::new(Self::ended_flag(task), Ty::Bool, 10))
    }

    /// `try: await task except asyncio.CancelledError: on_cancel` of a task
    /// whose cancellation ends it: its output says whether the handler
    /// runs. False (nothing written) for any other `try`.
    pub(super) fn ended_join(&mut self, body: &Block, on_cancel: &Block) -> bool {
        let [join] = body.as_slice() else {
            return false;
        };
        let StmtKind::Join { target, into: None } = &join.kind else {
            return false;
        };
        if !self.ended_task(target) {
            return false;
        }
        // A loop's item is awaited through a new borrow, read again after.
        let t = if self.tokened_item(target).is_some() {
            format!("(&mut *{})", ident(target))
        } else {
            ident(target)
        };
        let start = self.lines.len();
        if on_cancel.is_empty() {
            self.line(
                "// Its output tells whether it ended cancelled: nothing follows either way.",
            );
            self.line(format!("{t}.await.unwrap();"));
            self.spans.insert(join.id, start..self.lines.len());
            return true;
        }
        self.line("// Its output tells whether it ended cancelled, as `await` raises it.");
        let mut read = false;
        super::expr_walk::each_block_expr(on_cancel, &mut |x| {
            read |= matches!(&x.kind, ExprKind::Cancelled(n) if n == target);
        });
        if read {
            let flag = Self::ended_flag(target);
            self.declared.insert(flag.clone());
            self.line(format!("let {flag} = {t}.await.unwrap();"));
            self.spans.insert(join.id, start..self.lines.len());
            self.line(format!("if {flag} {{"));
        } else {
            self.line(format!("if {t}.await.unwrap() {{"));
            self.spans.insert(join.id, start..self.lines.len());
        }
        self.nested(on_cancel);
        self.line("}");
        true
    }

    /// The end of the cleanup of a coroutine whose cancellation ends it,
    /// after `let cleanup = async { ... };`: awaited whole once `cancelled`,
    /// otherwise stopped where a cancellation arrives; the function gives
    /// whether it ended cancelled.
    pub(super) fn ended_cleanup(&mut self, token: &str, tail: bool) {
        self.line("// It gives whether it ended cancelled.");
        self.line(if tail {
            "if cancelled {"
        } else {
            "return if cancelled {"
        });
        self.line("    cleanup.await;");
        self.line("    true");
        self.line("} else {");
        self.line("    // Cancelled during the `finally`, it stops at that await.");
        self.line(format!(
            "    {token}.run_until_cancelled(cleanup).await.is_none()"
        ));
        self.line(if tail { "}" } else { "};" });
    }
}
