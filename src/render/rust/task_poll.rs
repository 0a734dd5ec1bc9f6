//! `task.result()` of a task that may still run (see
//! [`crate::render::plan`]'s `task_poll`): asyncio gives the output of a
//! task that has finished and raises `InvalidStateError: Result is not
//! set.` for one still running, where awaiting the `JoinHandle` would wait
//! for it. The listing asks the handle `is_finished()` first: `py_result`
//! takes the output of a finished task, and gives `None` for one still
//! running, which stops the program as the uncaught exception does; where
//! an `except` takes the `InvalidStateError` (see [`super::op_errors`]),
//! `py_try_result` gives it as the `Err`. A
//! task whose output the function keeps is asked before the output is
//! taken; one whose kept output an `except` may find missing is refused.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Stmt};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use crate::render::plan::ir::op_errors::checked_ops;

/// The helper that reads a task's result at once.
const PY_RESULT: &[&str] = &[
    "/// `task.result()`: asyncio gives the output of a task that has finished at",
    "/// once, and raises `InvalidStateError` for one still running (`None`).",
    "async fn py_result<T>(task: &mut tokio::task::JoinHandle<T>) -> Option<T> {",
    "    if task.is_finished() {",
    "        Some(task.await.unwrap())",
    "    } else {",
    "        None",
    "    }",
    "}",
];

/// The helper that reads a task's result at once where an `except` takes
/// what it raises.
const PY_TRY_RESULT: &[&str] = &[
    "/// `task.result()`: the output of a task that has finished, or asyncio's",
    "/// `InvalidStateError` for one still running.",
    "async fn py_try_result<T>(task: &mut tokio::task::JoinHandle<T>) -> Result<T, Error> {",
    "    if task.is_finished() {",
    "        Ok(task.await.unwrap())",
    "    } else {",
    "        Err(Error::InvalidStateError(\"Result is not set.\".to_string()))",
    "    }",
    "}",
];

/// What asyncio's `InvalidStateError` of `task.result()` says.
const NOT_SET: &str = "Result is not set.";

/// The helpers the listing's lines call.
pub(super) fn helpers(calls: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, text) in [("py_result(", PY_RESULT), ("py_try_result(", PY_TRY_RESULT)] {
        if calls(name) {
            out.extend_from_slice(text);
            out.push("");
        }
    }
    out
}

/// The reads `task.result()` of a task that may still run, where an
/// `except` takes the `InvalidStateError`, of a task whose output the
/// function keeps for its other reads: the kept output is taken before the
/// statement, which the `except` would not see fail.
pub(super) fn caught_kept(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for op in checked_ops(demo) {
        if let ExprKind::Task(TaskOp::ResultNow, task) = &op.expr.kind
            && demo
                .function(&op.func)
                .is_some_and(|f| super::task_output::keeps_output(f, task))
        {
            out.push(Untranslatable {
                span: op.expr.span.clone(),
                construct: format!(
                    "`{task}.result()` of a task that may still run, caught, and read again"
                ),
                reason: format!(
                    "a `JoinHandle` gives its task's output once, so the Rust listing takes \
                     the output of a task read more than once before the first read, where \
                     an `except` would not see asyncio's `InvalidStateError`; read \
                     `{task}.result()` once inside the `try`, or test `{task}.done()` first"
                ),
            });
        }
    }
    out
}

/// Whether `s` reads `task.result()` of `task`, a task that may still run.
pub(super) fn reads_now(s: &Stmt, task: &str) -> bool {
    let mut found = false;
    for (e, _) in super::analysis::stmt_exprs(s) {
        super::expr_walk::each_expr(e, &mut |x| {
            found |= matches!(&x.kind, ExprKind::Task(TaskOp::ResultNow, t) if t == task);
        });
    }
    found
}

impl Renderer<'_> {
    /// `?` after the output of `task`, a task whose coroutine can raise.
    fn passed_on(&self, task: &str) -> &'static str {
        let failing = self.demo.function(&self.func).is_some_and(|f| {
            crate::render::plan::ir::raises::failing_tasks(f, &self.fallible).contains_key(task)
        });
        if failing { "?" } else { "" }
    }

    /// `task.result()` of a task that may still run, read in place: its
    /// kept output once taken, else `py_result` of the handle.
    pub(super) fn result_now(&mut self, task: &str) -> Code {
        if let Some(kept) = self.kept_output(task) {
            return kept;
        }
        let q = self.passed_on(task);
        let text = format!(
            "py_result(&mut {}).await.expect(\"{NOT_SET}\"){q}",
            ident(task)
        );
        let mut c = Code::new(text, self.var_ty(task).inner(), 10);
        c.fresh = true;
        c
    }

    /// Before the output of `task` is taken for a statement whose
    /// `task.result()` reads a task that may still run: the task must have
    /// finished.
    pub(super) fn assert_finished(&mut self, task: &str) {
        self.line(
            "// `result()` does not wait: asyncio raises `InvalidStateError` for a running task.",
        );
        self.line(format!(
            "assert!({}.is_finished(), \"{NOT_SET}\");",
            ident(task)
        ));
    }

    /// `task.result()` where an `except` takes its `InvalidStateError`.
    pub(super) fn checked_result(&mut self, task: &str) -> Code {
        let q = self.passed_on(task);
        let text = format!("py_try_result(&mut {}).await?{q}", ident(task));
        let mut c = Code::new(text, self.var_ty(task).inner(), 10);
        c.fresh = true;
        c
    }
}
