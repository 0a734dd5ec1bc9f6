//! `x = await asyncio.gather(...)` of awaitables of different kinds (see
//! `plan::gather_mixed`): one `tokio::join!` of the coroutines' futures,
//! each task's handle awaited through `&mut`, each executor job spawned and
//! awaited, and each sleep with a result mapped to its value, then the list of the results (`PyValue`s where
//! strings stand beside numbers). A task's output is kept in
//! `task_output`, which later reads of `task.result()` give.

use super::Renderer;
use super::code::Code;
use super::expr_walk::{each_expr_of, each_function_expr};
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::raises;

/// The items of a gathered list that mixes kinds of awaitables: a sleep
/// with a result, or a task or an executor job beside a coroutine's call
/// (tasks and jobs alone are joined as handles, see `gather_all`).
pub(super) fn mixed_items(list: &Expr) -> Option<&[Expr]> {
    let ExprKind::List(items) = &list.kind else {
        return None;
    };
    let has = |p: fn(&ExprKind) -> bool| items.iter().any(|x| p(&x.kind));
    let slept = has(|k| matches!(k, ExprKind::Slept(..)));
    let handles = has(|k| matches!(k, ExprKind::Var(_) | ExprKind::Job(..)));
    let calls = has(|k| matches!(k, ExprKind::Coro(_)));
    (slept || (handles && calls)).then_some(items)
}

/// The task variables a mixed gather in `value` awaits.
pub(super) fn gathered_tasks(value: &Expr) -> impl Iterator<Item = &str> {
    let items = match &value.kind {
        ExprKind::GatherAll(list) => mixed_items(list).unwrap_or_default(),
        _ => &[],
    };
    items.iter().filter_map(|x| match &x.kind {
        ExprKind::Var(t) => Some(t.as_str()),
        _ => None,
    })
}

impl Renderer<'_> {
    /// `var = await asyncio.gather(...)` of mixed awaitables; false for any
    /// other value.
    pub(super) fn mixed_gathered(&mut self, var: &str, value: &Expr) -> bool {
        let ExprKind::GatherAll(list) = &value.kind else {
            return false;
        };
        let Some(items) = mixed_items(list) else {
            return false;
        };
        let elem = self.types.expr_ty(&self.func, value).elem();
        let discard = var == "_";
        let mut names = Vec::new();
        let mut futures = Vec::new();
        let mut results = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let (name, future) = match &item.kind {
                ExprKind::Var(task) => {
                    let name = format!("{}_output", task.trim_start_matches("r#"));
                    let future = format!("async {{ (&mut {}).await.unwrap() }}", ident(task));
                    (name, future)
                }
                ExprKind::Slept(delay, result) => {
                    let d = self.duration(delay);
                    self.use_("tokio::time", "sleep");
                    self.use_("futures", "FutureExt");
                    let v = self.expr(result).owned();
                    (self.result_name(i), format!("sleep({d}).map(|()| {v})"))
                }
                ExprKind::Job(call, pool) => {
                    let job = self.job(call, pool.as_deref());
                    (
                        self.result_name(i),
                        format!("async {{ {job}.await.unwrap() }}"),
                    )
                }
                _ => (self.result_name(i), self.expr(item).text),
            };
            // Gathered for what it does: only a kept output is named.
            let kept = matches!(&item.kind, ExprKind::Var(t) if self.read_elsewhere(t));
            let name = if discard && !kept {
                "_".to_string()
            } else {
                name
            };
            let ty = self.types.expr_ty(&self.func, item).inner();
            let mut c = Code::new(name.clone(), ty.clone(), 10);
            c.fresh = true;
            let read_again = matches!(&item.kind, ExprKind::Var(t) if self.read_elsewhere(t));
            results.push(match &elem {
                Ty::Mixed => super::mixed::py_value(&c),
                _ if read_again && !ty.is_copy() => format!("{name}.clone()"),
                _ => name.clone(),
            });
            names.push(name);
            futures.push(future);
        }
        if self.spawns_tasks() {
            self.line("// asyncio starts the gathered coroutines after the tasks already ready.");
            self.line("tokio::task::yield_now().await;");
        }
        let binding = if names.iter().all(|n| n == "_") {
            String::new()
        } else {
            format!("let ({}) = ", names.join(", "))
        };
        match futures.as_slice() {
            [one] if binding.is_empty() => self.line(format!("{one}.await;")),
            [one] => self.line(format!("let {} = {one}.await;", names[0])),
            _ => self.join_line(&binding, &futures),
        }
        for item in items {
            if let ExprKind::Var(task) = &item.kind {
                self.taken.insert(task.clone());
            }
        }
        if !discard {
            let b = self.bind(var);
            self.line(format!("{b}vec![{}];", results.join(", ")));
        }
        true
    }

    /// Whether the current function spawns tasks, which may be ready when
    /// it gathers.
    fn spawns_tasks(&self) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        f.walk(&mut |s| found |= matches!(s.kind, StmtKind::Spawn { .. }));
        each_expr_of(f, &mut |x| found |= matches!(x.kind, ExprKind::Spawn(_)));
        found
    }

    /// Whether the current function reads `task` anywhere but in a mixed
    /// gather.
    fn read_elsewhere(&self, task: &str) -> bool {
        let Some(f) = self.demo.function(&self.func) else {
            return false;
        };
        let mut found = false;
        each_expr_of(f, &mut |x| {
            found |= matches!(&x.kind, ExprKind::Task(_, t) | ExprKind::Join(t) if t == task);
        });
        found
    }
}

impl Renderer<'_> {
    /// The name of the `i`th result of a join: `a`, `b`, ..., or `r{i}`
    /// where the function has a name of that letter already.
    fn result_name(&self, i: usize) -> String {
        let letter = match u8::try_from(i) {
            Ok(i) if i < 26 => char::from(b'a' + i).to_string(),
            _ => String::new(),
        };
        let taken = |n: &str| n.is_empty() || self.declared.contains(n) || self.used.contains(n);
        if taken(&letter) {
            format!("r{i}")
        } else {
            letter
        }
    }
}

/// Every mixed gather of a coroutine that can raise (asyncio's `gather`
/// raises the first exception as it happens while the other children go
/// on, where `tokio::join!` waits for every future) or of integers beside
/// floats (which one `Vec` cannot hold as Python prints them).
pub(super) fn failing_mixed(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let fallible = raises::fallible(demo);
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        let ExprKind::GatherAll(list) = &x.kind else {
            return;
        };
        let tasks = raises::failing_tasks(f, &fallible);
        let items = mixed_items(list).unwrap_or_default();
        let task_fails = items
            .iter()
            .any(|i| matches!(&i.kind, ExprKind::Var(t) if tasks.contains_key(t)));
        let call_fails = items.iter().any(|i| {
            matches!(&i.kind, ExprKind::Coro(c) | ExprKind::Job(c, _) if fallible.contains(&c.name))
        });
        let tys: Vec<Ty> = items
            .iter()
            .map(|i| types.expr_ty(&f.name, i).inner())
            .collect();
        if tys.contains(&Ty::Int) && tys.contains(&Ty::Float) {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: "`asyncio.gather` of integers beside floats".into(),
                reason: "a Rust `Vec` holds items of one type, and `tokio::join!` gives each \
                         future's own: gather results of one type"
                    .into(),
            });
        }
        // A failing task is told by `gathered_tasks::failing_gathers`.
        if call_fails && !task_fails {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: "`asyncio.gather` of a coroutine that can raise beside tasks or sleeps"
                    .into(),
                reason: "asyncio's `gather` raises the first exception as it happens while the \
                         other children go on, where `tokio::join!` waits for every future: \
                         gather the calls alone, or catch the exception inside the coroutine"
                    .into(),
            });
        }
    });
    out
}
