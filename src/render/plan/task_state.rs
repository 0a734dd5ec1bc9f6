//! The methods of a task kept in a variable that give a value:
//! `task.cancelled()` (the Rust listing keeps a flag beside the handle: see
//! `render::rust`), `task.result()` and `task.cancel()`.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal};
use crate::render::plan::ir::expr::{ExprKind, TaskOp};
use crate::render::plan::ir::primitive::PrimitiveKind;
use crate::render::plan::ir::value::Value;

/// The places where the word `name` stands in `source`, each with the
/// text before and after it.
pub(super) fn words<'s>(source: &'s str, name: &str) -> impl Iterator<Item = (&'s str, &'s str)> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source.match_indices(name).filter_map(move |(i, _)| {
        let (before, after) = (&source[..i], &source[i + name.len()..]);
        (!before.ends_with(word) && !after.starts_with(word)).then_some((before, after))
    })
}

impl Planner<'_> {
    /// `task.cancelled()`, where `obj` names the task `task`. Refused when
    /// the program hands the task to a call: the listing moves the handle
    /// there, and no handle is left to ask how the task ended.
    pub(super) fn task_cancelled(
        &self,
        sc: &Scope,
        obj: &py::Expr,
        task: &str,
    ) -> Result<ExprKind> {
        sc.after_timed_wait(task, &obj.span, &format!("{task}.cancelled()"))?;
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let source = &self.program.source;
        let handed = source.match_indices(task).any(|(i, _)| {
            let before = source[..i].trim_end_matches(' ');
            let after = source[i + task.len()..].trim_start_matches(' ');
            !source[..i].ends_with(word)
                && !after.starts_with(word)
                && (before.ends_with('(') || before.ends_with(','))
                && (after.starts_with(')') || after.starts_with(','))
                && !before.ends_with("print(")
        });
        if handed {
            return refuse(
                &obj.span,
                format!("`{task}.cancelled()` of a task handed to a call"),
                "the Rust listing moves the task's `JoinHandle` into the call, so the function \
                 that made it has no handle left to ask how the task ended (an `AbortHandle` \
                 tells whether it finished, not whether it was cancelled): keep the task in the \
                 function that created it",
            );
        }
        Ok(ExprKind::Cancelled(sc.local(task, &obj.span)?))
    }

    /// The coroutine call of `var = asyncio.create_task(call)` or
    /// `asyncio.create_task(call, name="text")`, whose name `var` keeps.
    pub(super) fn named_task<'a>(
        &self,
        sc: &mut Scope,
        var: &str,
        args: &'a [Arg],
    ) -> Option<&'a py::Expr> {
        match args {
            [Arg::Positional(call)] => Some(call),
            [Arg::Positional(call), Arg::Keyword(k, name)] if &**k == "name" => {
                let E::Literal(Literal::Str(name)) = &name.kind else {
                    return None;
                };
                sc.task_names.insert(var.to_string(), name.to_string());
                Some(call)
            }
            _ => None,
        }
    }

    /// `task.result()`, `task.cancel()` or `task.get_name()` inside an
    /// expression, of a task kept in a variable; `None` for any other call.
    pub(super) fn task_method(&self, sc: &Scope, e: &py::Expr) -> Result<Option<ExprKind>> {
        if let Some(output) = self.wait_result(sc, e) {
            return Ok(Some(output));
        }
        if let Some(name) = self.current_task_name(e)? {
            return Ok(Some(name));
        }
        if let Some(name) = self.item_name(sc, e)? {
            return Ok(Some(name));
        }
        if let Some(obj) = super::stmt::method_call(e, "get_name")
            && let Some(task) = super::stmt::local_name(obj)
            && sc.tasks.iter().any(|t| t == task)
        {
            // Tokio's tasks have no names: the one the program gave is
            // written where it is read.
            return match sc.task_names.get(task) {
                Some(name) => Ok(Some(ExprKind::Lit(Value::Str(name.as_str().into())))),
                None => refuse(
                    &e.span,
                    format!("`{task}.get_name()` of a task without `name=`"),
                    "Tokio's tasks have no names, and asyncio numbers its own (`Task-2`) \
                     in the order the whole program creates them: the Rust listing writes \
                     the name given with `asyncio.create_task(..., name=\"...\")`, or the \
                     number of a task the entry coroutine creates when every task made \
                     before it can be counted (made by the entry coroutine's own statements, \
                     not in a loop, a `try` or another coroutine)",
                ),
            };
        }
        for (method, op) in [("result", TaskOp::Result), ("cancel", TaskOp::Cancel)] {
            if let Some(obj) = super::stmt::method_call(e, method)
                && let Some(task) = super::stmt::local_name(obj)
                && sc.tasks.iter().any(|t| t == task)
            {
                let mut op = op;
                if op == TaskOp::Result {
                    sc.after_timed_wait(task, &obj.span, &format!("{task}.result()"))?;
                    let reads = self.result_once(sc, obj, task)?;
                    if !self.surely_done(sc, task) {
                        self.result_now(sc, e, obj, task, reads > 1)?;
                        op = TaskOp::ResultNow;
                    }
                }
                return Ok(Some(ExprKind::Task(op, sc.local(task, &obj.span)?)));
            }
        }
        Ok(None)
    }

    /// A `JoinHandle` gives its task's output once: the listing keeps
    /// the output for the later reads (`await task` and `task.result()`,
    /// see `render::rust`). `task.result()` is refused where the program
    /// (anywhere: the scan is of the source) hands the task on (to
    /// `gather`, a call, a list), reads it inside a loop the task outlives,
    /// or reads it more than once where the kept output does not fit:
    /// inside a loop, or of a task it aborts (one given a token goes on
    /// after `cancel()`, and its output is kept as any other). Gives how
    /// many times the program reads the task's output.
    fn result_once(&self, sc: &Scope, obj: &py::Expr, task: &str) -> Result<usize> {
        let source = &self.program.source;
        let mut reads = 0;
        let mut other = false;
        let gathered = self.mixed_gathered.borrow();
        for (before, after) in words(source, task) {
            // A mixed gather keeps the output it awaits.
            if gathered.contains(&before.len()) {
                continue;
            }
            let before = before.trim_end_matches(' ');
            if after.starts_with(".result()")
                || (before.ends_with("await") && !after.starts_with('.'))
            {
                reads += 1;
            } else if ["(", ",", "[", "="].iter().any(|h| before.ends_with(h))
                && !after.starts_with('.')
            {
                // Handed to a call, put in a list or bound again.
                other = true;
            }
        }
        // A task given a token goes on after `cancel()`, to the output kept.
        let token = format!("{task}_{}", super::cancel_token::TOKEN);
        let cancelled = words(source, task).any(|(_, after)| after.starts_with(".cancel("))
            && sc.prims.get(&token) != Some(&PrimitiveKind::Token);
        // Inside a loop the task outlives, one read is read again.
        let again = sc.depth > sc.task_depths.get(task).copied().unwrap_or(0);
        if other || again || (reads > 1 && (sc.depth > 0 || cancelled)) {
            return refuse(
                &obj.span,
                format!("`{task}.result()` of a task awaited or read elsewhere"),
                "a `JoinHandle` hands its task's output over once, to the one `.await` of \
                 it: keep the value the first `await` gave",
            );
        }
        Ok(reads)
    }
}
