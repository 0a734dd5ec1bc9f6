//! A task's handle used after it is spent: a `JoinHandle` has one owner
//! and gives its task's output once, where asyncio's task gives its result
//! to every `await`. A handle handed to a coroutine is moved there, so
//! the program's later use of the task (an `await`, a second hand-off, a
//! hand-off or an `await` inside a loop) has no handle left in Rust, nor
//! has a second `await` where the first is inside an `if`: these
//! are refused at their place, and so is a task that can raise handed to
//! a coroutine, whose parameter has no type for the exception. (A task awaited more than once in one
//! block keeps its first output instead, see `task_output`.)

use super::analysis::{stmt_calls, stmt_exprs};
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Stmt, StmtId, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind, TaskOp};
use crate::render::plan::ir::raises;
use std::ops::Range;

/// What a statement does with a task's handle.
enum Use {
    /// `await task`.
    Join,
    /// `task.result()` of a task that may still run: it takes the output
    /// of a task that has finished.
    Output,
    /// Handed to the coroutine named.
    Handed(String),
    /// Read otherwise (`task.done()`, `task.cancel()`, ...).
    Read,
    /// A new task put in the variable.
    Reset,
}

/// One use of a task, at its place, and whether a loop repeats it.
struct Event {
    task: String,
    span: Range<usize>,
    what: Use,
    repeated: bool,
    /// The `if` statements around it, with the branch it is in.
    branches: Vec<(StmtId, usize)>,
}

impl Event {
    /// Whether `self` and `other` are in different branches of one `if`.
    fn apart(&self, other: &Event) -> bool {
        self.branches
            .iter()
            .any(|(id, i)| other.branches.iter().any(|(o, j)| o == id && i != j))
    }
}

/// The uses of a spent handle that the listing has no form for.
pub(super) fn spent_handles(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let fallible = raises::fallible(demo);
    for f in &demo.functions {
        let failing = raises::failing_tasks(f, &fallible);
        let mut events = Vec::new();
        let is_task = |n: &str| matches!(types.var(&f.name, n), Ty::Task(_));
        collect(&f.body, &[], &[], &is_task, &mut events);
        // Tasks of `create_task` and parameters: a future of another loop
        // (`run_coroutine_threadsafe`) keeps its result for every read.
        let mut own: Vec<&str> = f.params.iter().map(String::as_str).collect();
        f.walk(&mut |s| {
            if let StmtKind::Spawn { into, .. } = &s.kind {
                own.push(into);
            }
        });
        let asked = |t: &str| {
            !own.contains(&t)
                || super::shared_handle::shared_handle(f, t)
                || super::task_state::state_read(&f.body, t)
                || super::analysis::loop_var(&f.body, t)
        };
        for (i, e) in events.iter().enumerate() {
            // An earlier `await` of the same handle that can have run,
            // where the output is not kept.
            let joined_before = |i: usize| {
                !super::task_output::keeps_output(f, &events[i].task)
                    && events[..i]
                        .iter()
                        .rev()
                        .filter(|b| b.task == events[i].task)
                        .take_while(|b| !matches!(b.what, Use::Reset))
                        .any(|b| matches!(b.what, Use::Join | Use::Output) && !b.apart(&events[i]))
            };
            let later_use = || {
                events[i + 1..]
                    .iter()
                    .filter(|l| l.task == e.task)
                    .take_while(|l| !matches!(l.what, Use::Reset))
                    .any(|l| !matches!(l.what, Use::Reset))
            };
            match &e.what {
                Use::Handed(callee) if failing.contains_key(&e.task) => out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: format!("`{}`, a task that can raise, handed to `{callee}`", e.task),
                    reason: format!(
                        "the Rust listing types a handed task's handle by the value its \
                             task returns, and has no form yet for the exception that \
                             `await {}` raises inside `{callee}`; await the task where it is \
                             made and hand on its result",
                        e.task
                    ),
                }),
                Use::Handed(callee) if e.repeated || later_use() => out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: format!("`{}` handed to `{callee}`, then used again", e.task),
                    reason: format!(
                        "a `JoinHandle` has one owner: handed to `{callee}`, it is moved \
                         there, and the Rust listing has no handle left for the program's \
                         next use of `{}` (asyncio's task gives its result to every `await`); \
                         await the task once and hand on its result",
                        e.task
                    ),
                }),
                Use::Join if !e.repeated && !asked(&e.task) && joined_before(i) => {
                    out.push(Untranslatable {
                        span: e.span.clone(),
                        construct: format!("`await {}` a second time", e.task),
                        reason: "a `JoinHandle` gives its task's output once, to the one \
                                 `.await` that spends it; the Rust listing keeps the output for \
                                 later reads where each `await` of the task is a statement of \
                                 the block that made it, not inside an `if`; await the task \
                                 once and read its result"
                            .into(),
                    })
                }
                Use::Output if joined_before(i) => out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: format!("`{}.result()` after a read that may have taken it", e.task),
                    reason: "a `JoinHandle` gives its task's output once, to the read that \
                             takes it, where asyncio's task gives its result to every read; \
                             the Rust listing keeps the output for later reads where each read \
                             of the task is a statement of the block that made it, not inside \
                             an `if`: read the task's result once into a variable"
                        .into(),
                }),
                Use::Join if e.repeated && !asked(&e.task) => out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: format!("`await {}` inside a loop", e.task),
                    reason: "a `JoinHandle` gives its task's output once, to the one `.await` \
                             that spends it, where asyncio's task gives its result to every \
                             `await`; await the task once before the loop and read its result \
                             inside"
                        .into(),
                }),
                _ => {}
            }
        }
    }
    out
}

/// The uses of tasks in `block`, in source order; `loops` are the bodies
/// of the loops around it.
fn collect(
    block: &Block,
    loops: &[&Block],
    branches: &[(StmtId, usize)],
    is_task: &impl Fn(&str) -> bool,
    out: &mut Vec<Event>,
) {
    for s in block {
        let repeated = |t: &str| {
            loops
                .iter()
                .any(|body| !super::analysis::assigned_in(body).contains(t))
        };
        let mut push = |task: &str, span: &Range<usize>, what: Use| {
            if is_task(task) {
                out.push(Event {
                    task: task.to_string(),
                    span: span.clone(),
                    repeated: repeated(task),
                    branches: branches.to_vec(),
                    what,
                });
            }
        };
        uses(s, &mut push);
        let inner: Vec<&Block> = match &s.kind {
            StmtKind::For { body, .. }
            | StmtKind::While { body, .. }
            | StmtKind::AsyncFor { body, .. } => loops.iter().copied().chain([body]).collect(),
            _ => loops.to_vec(),
        };
        let is_if = matches!(s.kind, StmtKind::If { .. });
        for (i, b) in s.blocks().into_iter().enumerate() {
            let mut within = branches.to_vec();
            if is_if {
                within.push((s.id, i));
            }
            collect(b, &inner, &within, is_task, out);
        }
    }
}

/// Calls `push` with each use of a variable in `s` itself.
fn uses(s: &Stmt, push: &mut impl FnMut(&str, &Range<usize>, Use)) {
    match &s.kind {
        StmtKind::Join { target, .. } => push(target, &s.span, Use::Join),
        StmtKind::Cancel { task } => push(task, &s.span, Use::Read),
        _ => {}
    }
    let mut handed: Vec<(&Expr, &str)> = Vec::new();
    for call in stmt_calls(s) {
        handed.extend(call.args.iter().map(|a| (a, call.name.as_str())));
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            if let ExprKind::Await(call) | ExprKind::Coro(call) = &x.kind {
                handed.extend(call.args.iter().map(|a| (a, call.name.as_str())));
            }
        });
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| match &x.kind {
            ExprKind::Join(t) => push(t, &x.span, Use::Join),
            ExprKind::Task(TaskOp::ResultNow, t) => push(t, &x.span, Use::Output),
            ExprKind::Var(t) => match handed.iter().find(|(a, _)| std::ptr::eq(*a, x)) {
                Some((_, callee)) => push(t, &x.span, Use::Handed(callee.to_string())),
                None => push(t, &x.span, Use::Read),
            },
            ExprKind::Done(t) | ExprKind::Cancelled(t) | ExprKind::Task(_, t) => {
                push(t, &x.span, Use::Read)
            }
            _ => {}
        });
    }
    if let StmtKind::Spawn { into, .. } | StmtKind::SpawnWaiter { into, .. } = &s.kind {
        push(into, &s.span, Use::Reset);
    }
}
