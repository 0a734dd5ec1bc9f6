//! The methods of a task kept in a variable, inside expressions.
//!
//! `task.cancelled()`: a `JoinHandle` tells whether its task has finished,
//! not how. The listing keeps a flag beside the handle: whether it aborted
//! the task before the task finished (Tokio then drops the task's future at
//! its next turn, so it ends cancelled, as asyncio's does). The future of
//! an executor's job is cancelled as soon as `cancel()` returns: the flag
//! alone.
//!
//! `task.result()` of a finished task awaits its handle through `&mut`
//! (ready at once); `task.cancel()` inside an expression aborts the task
//! before the statement and gives whether it was still running.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::{each_expr, each_expr_of};
use super::names::ident;
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind, Part, TaskOp};

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
    /// `task.cancelled()` and aborts the task.
    pub(super) fn abort_flag_name(&self, task: &str) -> Option<String> {
        let f = self.demo.function(&self.func)?;
        let mut found = false;
        let mut spawned = false;
        f.walk(&mut |s| {
            found |= stmt_exprs(s).iter().any(|(e, _)| reads_cancelled(e, task));
            spawned |= matches!(&s.kind, StmtKind::Spawn { into, .. }
                | StmtKind::SpawnWaiter { into, .. }
                | StmtKind::Submit { into, .. } if into == task);
        });
        // A task this function spawns: the flag is declared beside it.
        (found && spawned && self.aborts(task))
            .then(|| format!("{}_aborted", task.trim_start_matches("r#")))
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
        if let Some(list) = self.item_list(task) {
            self.note_item_abort(&list, &ident(task));
            return;
        }
        if let Some(flag) = self.abort_flag_name(task) {
            self.line(format!(
                "{flag} |= !{}.is_finished();",
                self.abort_target(task)
            ));
        }
    }

    /// `task.cancelled()`: aborted before it finished, and finished since
    /// (never, for a task the function does not abort).
    pub(super) fn cancelled(&mut self, task: &str) -> Code {
        if let Some(kept) = self.ended_cancelled(task) {
            return kept;
        }
        if let Some(list) = self.item_list(task) {
            return self.item_cancelled(&list, task);
        }
        let Some(flag) = self.abort_flag_name(task) else {
            return Code::new("false", Ty::Bool, 10);
        };
        // The future of an executor's job is cancelled at once, as its
        // `cancel()` returns (a task only once it ends).
        if self.is_job(task) || self.threadsafe_future(task) {
            return Code::new(flag, Ty::Bool, 10);
        }
        Code::new(
            format!("{flag} && {}.is_finished()", ident(task)),
            Ty::Bool,
            2,
        )
    }

    /// Whether the function keeps an executor's job in `task`.
    fn is_job(&self, task: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        f.walk(&mut |s| {
            found |= matches!(&s.kind, StmtKind::Submit { into, .. } if into == task);
        });
        found
    }

    /// Whether the function aborts `task` (`task.cancel()`, as a statement
    /// or inside an expression).
    pub(super) fn aborts(&self, task: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        f.walk(&mut |s| {
            found |= matches!(&s.kind, StmtKind::Cancel { task: t } if t == task);
        });
        each_expr_of(f, &mut |x| {
            found |= matches!(&x.kind, ExprKind::Task(TaskOp::Cancel, t) if t == task);
        });
        found
    }

    /// `task.result()` or `task.cancel()` (see [`Self::cancels_read`]).
    pub(super) fn task_op(&mut self, op: TaskOp, task: &str) -> Code {
        match op {
            TaskOp::Result => {
                if let Some(kept) = self.kept_output(task) {
                    return kept;
                }
                let failing = self.demo.function(&self.func).is_some_and(|f| {
                    crate::render::plan::ir::raises::failing_tasks(f, &self.fallible)
                        .contains_key(task)
                });
                let q = if failing { "?" } else { "" };
                let ty = self.var_ty(task).inner();
                let mut c = Code::new(format!("(&mut {}).await.unwrap(){q}", ident(task)), ty, 10);
                c.fresh = true;
                c
            }
            TaskOp::ResultNow => self.result_now(task),
            TaskOp::Cancel => Code::new(running_name(task), Ty::Bool, 10),
            TaskOp::Name(_) | TaskOp::GivenName => self.task_name(task),
            TaskOp::ExceptionRepr => self.exception_repr(task),
        }
    }

    /// Before a statement that reads `task.cancel()`: `abort` gives nothing
    /// back, so the statement reads whether the task was still running.
    pub(super) fn cancels_read(&mut self, s: &Stmt) {
        let mut tasks = Vec::new();
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if let ExprKind::Task(TaskOp::Cancel, t) = &x.kind
                    && !tasks.contains(t)
                {
                    tasks.push(t.clone());
                }
            });
        }
        for task in tasks {
            let running = running_name(&task);
            self.line("// `abort` returns nothing: `cancel()` says whether the task still ran.");
            let target = self.abort_target(&task);
            self.line(format!("let {running} = !{target}.is_finished();"));
            if let Some(flag) = self.abort_flag_name(&task) {
                self.line(format!("{flag} |= {running};"));
            }
            self.line(format!("{target}.abort();"));
        }
    }
}

/// The variable that says whether `task` still ran when it was aborted.
fn running_name(task: &str) -> String {
    format!("{}_was_running", task.trim_start_matches("r#"))
}

impl Renderer<'_> {
    /// `tasks[i].cancel()`: the item's handle aborts its task.
    pub(super) fn cancel_item(&mut self, item: &Expr) {
        let list = match &item.kind {
            ExprKind::Call(_, args) => match args.first().map(|a| &a.kind) {
                Some(ExprKind::Var(list)) => Some(list.clone()),
                _ => None,
            },
            _ => None,
        };
        let item = self.expr(item);
        self.line("// Tokio cancels by dropping the task's future at its next await.");
        if let Some(list) = list {
            self.note_item_abort(&list, &item.wrap(10));
        }
        self.line(format!("{}.abort();", item.wrap(10)));
    }
}

impl Renderer<'_> {
    /// Whether `var` is the variable (or in the pattern) of a `for` loop
    /// that awaits the tasks of a list or dict: a `&mut` borrow of each
    /// handle.
    pub(super) fn task_loop_item(&self, var: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        walk(&f.body, &mut |s| {
            found |= matches!(&s.kind, StmtKind::For { var: v, body, .. }
                if super::analysis::pattern_names(v).any(|n| n == var)
                    && super::analysis::joins(body, var));
        });
        found
    }
}

/// Whether `block` reads `task.done()` or `task.cancelled()` once it has
/// awaited the task (later in the statement that awaits it, or after): the
/// await then goes through `&mut`, so the handle is still there to ask.
pub(super) fn state_read(block: &Block, task: &str) -> bool {
    let (mut joined, mut read) = (false, false);
    walk(block, &mut |s| {
        joined |= matches!(&s.kind, StmtKind::Join { target, .. } if target == task);
        // A new handle in the variable is not joined yet.
        joined &= !matches!(&s.kind, StmtKind::Spawn { into, .. }
            | StmtKind::SpawnWaiter { into, .. } if into == task);
        // In the order of the source: `print(t.done(), await t)` asks first.
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Join(n) | ExprKind::Task(TaskOp::ExceptionRepr, n) if n == task => {
                    joined = true
                }
                ExprKind::Done(n) | ExprKind::Cancelled(n) if n == task => read |= joined,
                _ => {}
            });
        }
    });
    read
}

impl Renderer<'_> {
    /// `task` as an awaited handle: through `&mut` where the function asks
    /// it for its state (see [`state_read`]).
    pub(super) fn awaited_handle(&mut self, task: &str) -> String {
        let t = ident(task);
        // A loop's task is a reference to its handle already.
        let asked = matches!(self.var_ty(task), Ty::Task(_))
            && self.demo.function(&self.func).is_some_and(|f| {
                state_read(&f.body, task) && !super::analysis::loop_var(&f.body, task)
            });
        if asked {
            format!("(&mut {t})")
        } else {
            self.handed_handle(task, t)
        }
    }
}
