//! `as_completed` over a list of tasks the function reads again (see
//! `plan::task_completions`): a `FuturesUnordered` of the handles taken
//! through `&mut`, each output unwrapped from its `JoinError`; the list's
//! length, read inside the loop, is counted before it. A list of tasks
//! that can raise is refused (see [`failing_completions`]).

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_block_expr;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::raises;

impl Renderer<'_> {
    /// The loop over the tasks of `tasks` as they end.
    pub(super) fn completed_tasks(
        &mut self,
        tasks: &str,
        var: &str,
        count: Option<&str>,
        body: &Block,
    ) {
        self.use_("futures::stream", "FuturesUnordered");
        self.use_("futures", "StreamExt");
        let list = ident(tasks);
        // The count is written only where the loop reads it.
        let count = count.filter(|_| reads_len(body, tasks));
        if let Some(count) = count {
            self.line(format!("let {} = {list}.len() as i64;", ident(count)));
            self.declared.insert(count.to_string());
            self.counted.push((tasks.to_string(), count.to_string()));
        }
        self.line(format!(
            "// The loop borrows the handles: `{list}` is still there after it."
        ));
        self.line("{");
        self.indent += 1;
        self.line(format!(
            "let mut pending: FuturesUnordered<_> = {list}.iter_mut().collect();"
        ));
        self.line("while let Some(output) = pending.next().await {");
        self.declared.insert(var.to_string());
        let pat = self.pat(var);
        if pat == "_" {
            self.line("    output.unwrap();");
        } else {
            self.line(format!("    let {pat} = output.unwrap();"));
        }
        self.nested(body);
        self.line("}");
        self.indent -= 1;
        self.line("}");
        if count.is_some() {
            self.counted.pop();
        }
    }

    /// `len(tasks)` of a list an enclosing loop borrows: the variable
    /// counting it.
    pub(super) fn counted_len(&self, args: &[Expr]) -> Option<Code> {
        let [arg] = args else {
            return None;
        };
        let ExprKind::Var(list) = &arg.kind else {
            return None;
        };
        let (_, count) = self.counted.iter().rev().find(|(l, _)| l == list)?;
        Some(Code::new(ident(count), Ty::Int, 10))
    }
}

/// Whether `body` reads `len(list)`.
pub(super) fn reads_len(body: &Block, list: &str) -> bool {
    let mut found = false;
    each_block_expr(body, &mut |x| {
        found |= matches!(&x.kind, ExprKind::Call(Builtin::Len, args)
            if matches!(args.as_slice(), [a] if matches!(&a.kind, ExprKind::Var(n) if n == list)));
    });
    found
}

/// Every `as_completed` loop over a list of tasks that run a coroutine
/// that can raise: asyncio's `await fut` raises the task's exception in
/// the loop, where the handle's output is a `Result` the listing would
/// have to pass on by hand.
pub(super) fn failing_completions(demo: &Demo) -> Vec<Untranslatable> {
    let fallible = raises::fallible(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        let lists = raises::failing_lists(f, &fallible);
        walk(&f.body, &mut |s| {
            if let StmtKind::CompletedTasks { tasks, .. } = &s.kind
                && lists.contains(tasks)
            {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "`asyncio.as_completed` over tasks that can raise".into(),
                    reason: "each task's exception comes out of its `await` in the loop: the \
                             Rust listing passes a task's exception on with `?` for a task \
                             kept in a variable of its own"
                        .into(),
                });
            }
        });
    }
    out
}
