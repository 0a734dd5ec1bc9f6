//! `task.cancelled()`: a `JoinHandle` tells whether its task has finished,
//! not how. The listing keeps a flag beside the handle: whether it aborted
//! the task before the task finished (Tokio then drops the task's future at
//! its next turn, so it ends cancelled, as asyncio's does).

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::walk;
use crate::render::plan::ir::expr::{Expr, ExprKind, Part};

/// Whether `e` reads `task.cancelled()`.
fn reads_cancelled(e: &Expr, task: &str) -> bool {
    let any = |items: &[Expr]| items.iter().any(|x| reads_cancelled(x, task));
    match &e.kind {
        ExprKind::Cancelled(t) => t == task,
        ExprKind::List(items) | ExprKind::Call(_, items) => any(items),
        ExprKind::Unary(_, x) => reads_cancelled(x, task),
        ExprKind::Binary(_, a, b) => reads_cancelled(a, task) || reads_cancelled(b, task),
        ExprKind::IfElse(c, a, b) => {
            reads_cancelled(c, task) || reads_cancelled(a, task) || reads_cancelled(b, task)
        }
        ExprKind::Await(call) => any(&call.args),
        ExprKind::StrMethod(_, x, args) => reads_cancelled(x, task) || any(args),
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            reads_cancelled(value, task)
                || reads_cancelled(over, task)
                || filter.as_deref().is_some_and(|f| reads_cancelled(f, task))
        }
        ExprKind::Template(t) => t.parts.iter().any(|p| match p {
            Part::Hole(x) | Part::Spec(x, _) => reads_cancelled(x, task),
            _ => false,
        }),
        _ => false,
    }
}

impl Renderer<'_> {
    /// The flag kept beside `task`'s handle, when the function reads
    /// `task.cancelled()`.
    fn abort_flag_name(&self, task: &str) -> Option<String> {
        let f = self.demo.function(&self.func)?;
        let mut found = false;
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                found |= stmt_exprs(s).iter().any(|(e, _)| reads_cancelled(e, task));
            });
        }
        found.then(|| format!("{}_aborted", task.trim_start_matches("r#")))
    }

    /// After `let task = tokio::spawn(...)`: its flag, when one is read.
    pub(super) fn abort_flag(&mut self, task: &str) {
        if let Some(flag) = self.abort_flag_name(task) {
            self.line("// A handle does not say how its task ended: remember an abort.");
            self.line(format!("let mut {flag} = false;"));
        }
    }

    /// Before `task.abort()`: an abort before the task finished cancels it.
    pub(super) fn note_abort(&mut self, task: &str) {
        if let Some(flag) = self.abort_flag_name(task) {
            self.line(format!("{flag} |= !{}.is_finished();", ident(task)));
        }
    }

    /// `task.cancelled()`: aborted before it finished, and finished since.
    pub(super) fn cancelled(&mut self, task: &str) -> Code {
        let flag = self
            .abort_flag_name(task)
            .unwrap_or_else(|| format!("{task}_aborted"));
        Code::new(
            format!("{flag} && {}.is_finished()", ident(task)),
            Ty::Bool,
            2,
        )
    }
}
