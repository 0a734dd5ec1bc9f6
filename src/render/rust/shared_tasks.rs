//! A list of tasks whose outputs the program reads one by one (`await
//! tasks[2]`, `tasks[0].result()`), beside a gather of the list: a
//! `JoinHandle` hands its output over once, to the read that takes it,
//! and a gather that raises early has taken the outputs of the tasks that
//! had ended by then. So each task of the list is `Shared` (its output
//! cloned to each read): the gather awaits clones and leaves every task
//! running, `tasks[i]` is a clone awaited, and `t.done()` of the list's
//! tasks polls a clone once.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::{each_block_expr, each_expr};
use super::types::Ty;
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};
use crate::render::plan::ir::raises::{failing_lists, item_list};

/// The lists of tasks `f` reads by index: each made once, of
/// `asyncio.create_task` calls.
pub(super) fn shared_lists(f: &Function) -> Vec<String> {
    indexed_lists(&f.body)
}

/// The lists of tasks `block` reads by index.
pub(super) fn indexed_lists(block: &Block) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    each_block_expr(block, &mut |x| {
        if let Some(l) = item_list(x)
            && !out.iter().any(|o| o == l)
        {
            out.push(l.to_string());
        }
    });
    out
}

/// The variables of `f`'s comprehensions over one of `lists`: each is a
/// task of the list.
fn shared_items(f: &Function, lists: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    each_block_expr(&f.body, &mut |x| {
        if let ExprKind::Comp { var, over, .. } = &x.kind
            && matches!(&over.kind, ExprKind::Var(l) if lists.contains(l))
        {
            out.push(var.clone());
        }
    });
    out
}

/// Whether `list` is bound once in `f`, to a list of spawned tasks.
fn made_once(f: &Function, list: &str) -> bool {
    let spawn = |e: &Expr| matches!(e.kind, ExprKind::Spawn(_));
    let mut made = 0;
    let mut other = false;
    walk(&f.body, &mut |s| match &s.kind {
        StmtKind::Set { var, value } if var == list => match &value.kind {
            ExprKind::Comp { value, .. } if spawn(value) => made += 1,
            ExprKind::List(items) if !items.is_empty() && items.iter().all(spawn) => made += 1,
            _ => other = true,
        },
        StmtKind::For { var, .. } if var == list => other = true,
        _ => {}
    });
    made == 1 && !other
}

/// The list display of tuples whose comprehension makes `list`'s tasks,
/// where one place holds an integer in one tuple and a float in another:
/// the listing's tuples hold floats there, so a task given the integer
/// would give back `1.0` where Python's gives `1`.
fn mixed_numbers(f: &Function, list: &str) -> Option<Untranslatable> {
    let mut found = None;
    walk(&f.body, &mut |s| {
        if let StmtKind::Set { var, value } = &s.kind
            && var == list
            && let ExprKind::Comp { over, .. } = &value.kind
            && let ExprKind::List(items) = &over.kind
            && !super::number_ops::mixed_places(items).is_empty()
        {
            found = Some(Untranslatable {
                span: over.span.clone(),
                construct: format!("integers beside floats in the tuples that make `{list}`"),
                reason: "the listing's tuples hold a float at that place, so a task given an \
                         integer there would give back `1.0` where Python's gives `1`: write \
                         those numbers all as floats, or all as integers"
                    .into(),
            });
        }
    });
    found
}

/// Whether the variables of the comprehensions over `list` name nothing
/// else in `f`: no variable it binds, no other comprehension's.
fn items_apart(f: &Function, list: &str) -> bool {
    let items = shared_items(f, &[list.to_string()]);
    let mut apart = true;
    walk(&f.body, &mut |s| match &s.kind {
        StmtKind::Set { var, .. }
        | StmtKind::Spawn { into: var, .. }
        | StmtKind::For { var, .. }
            if items.contains(var) =>
        {
            apart = false
        }
        _ => {}
    });
    each_block_expr(&f.body, &mut |x| {
        if let ExprKind::Comp { var, over, .. } = &x.kind
            && items.contains(var)
            && !matches!(&over.kind, ExprKind::Var(l) if l == list)
        {
            apart = false;
        }
    });
    apart
}

/// The reads of a shared list the listing writes for its `Shared` tasks:
/// the gather of the list, an item's output, its length, and the
/// comprehensions over it (whose tasks it reads with `done()` only).
fn fitting_reads(f: &Function, list: &str) -> (usize, usize) {
    let is_list = |e: &Expr| matches!(&e.kind, ExprKind::Var(l) if l == list);
    let (mut reads, mut fitting) = (0, 0);
    walk(&f.body, &mut |s| {
        if let StmtKind::For { over, .. } = &s.kind
            && is_list(over)
        {
            // A loop's tasks may be read in any way: not as shared ones.
            reads += 1;
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Var(l) if l == list => reads += 1,
                ExprKind::GatherAll(g) if is_list(g) => fitting += 1,
                ExprKind::Call(Builtin::Len, args) if args.first().is_some_and(is_list) => {
                    fitting += 1
                }
                ExprKind::ItemOutput(..) if item_list(x) == Some(list) => fitting += 1,
                ExprKind::Comp {
                    var, over, value, ..
                } if is_list(over) => {
                    let mut other = false;
                    each_expr(value, &mut |y| {
                        other |= matches!(&y.kind, ExprKind::Var(n) | ExprKind::Task(_, n)
                            | ExprKind::Cancelled(n) if n == var);
                    });
                    if !other {
                        fitting += 1;
                    }
                }
                _ => {}
            });
        }
    });
    (reads, fitting)
}

/// Every read by index of a list of tasks that the listing cannot keep
/// as `Shared` tasks: made otherwise than once from `create_task` calls,
/// or read otherwise than gathered, measured, indexed for its output, or
/// gone over by a comprehension reading `done()`.
pub(super) fn unfit_lists(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    let numbers = super::number_args::passed_number_lists(demo);
    for f in &demo.functions {
        for list in shared_lists(f) {
            if let Some(u) = mixed_numbers(f, &list).filter(|u| !numbers.contains_key(&u.span)) {
                out.push(u);
                continue;
            }
            let (reads, fitting) = fitting_reads(f, &list);
            if made_once(f, &list) && reads == fitting && items_apart(f, &list) {
                continue;
            }
            each_block_expr(&f.body, &mut |x| {
                if item_list(x) == Some(list.as_str()) {
                    out.push(Untranslatable {
                        span: x.span.clone(),
                        construct: format!("a task of `{list}` read by its index"),
                        reason: format!(
                            "the Rust listing keeps the tasks of a list read by index as \
                             `Shared` futures, which it writes for a list made once of \
                             `asyncio.create_task` calls, gathered, measured, indexed and \
                             gone over by a comprehension reading `done()`: keep the task \
                             `{list}[i]` in a variable of its own"
                        ),
                    });
                }
            });
        }
    }
    out
}

/// Whether a shared list of `f` runs a coroutine that can raise: its
/// `Result` is cloned to each read, so `Error` derives `Clone`.
pub(super) fn clones_errors(demo: &Demo, fallible: &std::collections::HashSet<String>) -> bool {
    demo.functions.iter().any(|f| {
        let failing = failing_lists(f, fallible);
        shared_lists(f).iter().any(|l| failing.contains(l))
    })
}

impl Renderer<'_> {
    /// Whether `list` is a shared list of the current function.
    pub(super) fn shared_list(&self, list: &str) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| shared_lists(f).iter().any(|l| l == list))
    }

    /// Whether `var` is a comprehension's task of a shared list of the
    /// current function.
    pub(super) fn shared_item(&self, var: &str) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| shared_items(f, &shared_lists(f)).iter().any(|v| v == var))
    }

    /// Whether the current function's `list` runs a coroutine that can raise.
    fn failing_list(&self, list: &str) -> bool {
        self.demo
            .function(&self.func)
            .is_some_and(|f| failing_lists(f, &self.fallible).iter().any(|l| l == list))
    }

    /// `tokio::spawn(call)` of a task of a shared list: its output
    /// unwrapped (a panic of the task goes on in each read) and shared.
    pub(super) fn shared_item_spawn(&mut self, call: String, ret: Ty) -> Code {
        self.use_("futures", "FutureExt");
        let text = format!("tokio::spawn({call}).map(Result::unwrap).shared()");
        Code::new(text, Ty::Task(Box::new(ret)), 10)
    }

    /// `await asyncio.gather(*xs)` of a shared list: clones of its tasks,
    /// the first exception passed on as it comes, the other tasks left
    /// running.
    pub(super) fn shared_gather(&mut self, list: &str, xs: Code) -> Code {
        let ty = Ty::List(Box::new(xs.ty.elem().inner()));
        let text = if self.failing_list(list) {
            self.use_("futures::future", "try_join_all");
            format!("try_join_all({}.iter().cloned()).await?", xs.text)
        } else {
            self.use_("futures::future", "join_all");
            format!("join_all({}.iter().cloned()).await", xs.text)
        };
        let mut c = Code::new(text, ty, 10);
        c.fresh = true;
        c
    }

    /// `await xs[i]`: a clone of the task, awaited; `xs[i].result()`
    /// (`now`): a clone polled once, as Python's `result()` of a task not
    /// done raises `InvalidStateError` rather than wait.
    pub(super) fn item_output(&mut self, e: &Expr, item: &Expr, now: bool) -> Code {
        let list = item_list(e).unwrap_or_default().to_string();
        let x = self.expr(item);
        let q = if self.failing_list(&list) { "?" } else { "" };
        let read = if now {
            ".now_or_never().expect(\"Result is not set.\")"
        } else {
            ".await"
        };
        let text = format!("{}.clone(){read}{q}", x.wrap(10));
        let mut c = Code::new(text, x.ty.inner(), 10);
        c.fresh = true;
        c
    }
}
