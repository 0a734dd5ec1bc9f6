//! Awaiting, spawning and gathering inside expressions: `await x` of a
//! variable, `asyncio.create_task(f(...))` and `f(...)` as values (kept in
//! lists), and `asyncio.gather(*xs)` of a list, written in place where
//! Rust evaluates them in Python's order.

use super::Renderer;
use super::code::Code;
use super::names::ident;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Call, Demo, Stmt};
use crate::render::plan::ir::expr::{Expr, ExprKind};

impl Renderer<'_> {
    /// `await x`: a task's `JoinHandle` gives a `Result` (the task may have
    /// panicked), a future's receiver too (its sender may be gone); a
    /// coroutine kept in a variable is a plain future.
    pub(super) fn join_expr(&mut self, var: &str) -> Code {
        let ty = self.var_ty(var);
        if matches!(&ty, Ty::List(t) if matches!(**t, Ty::Task(_))) {
            return self.gathered_tasks(var);
        }
        // A task's exception goes on up where its output is read.
        let failing = self.demo.function(&self.func).is_some_and(|f| {
            crate::render::plan::ir::raises::failing_tasks(f, &self.fallible).contains_key(var)
        });
        if self.shares(var) {
            return self.shared_read(var, failing);
        }
        let q = if failing { "?" } else { "" };
        let text = match ty {
            Ty::Coro(_) => format!("{}.await", ident(var)),
            _ => format!("{}.await.unwrap(){q}", self.awaited_handle(var)),
        };
        let mut c = Code::new(text, ty.inner(), 10);
        c.fresh = true;
        c
    }

    /// `asyncio.create_task(f(...))`: the task starts at the next await,
    /// as asyncio's does on a one-thread runtime.
    pub(super) fn spawn_expr(&mut self, call: &Call) -> Code {
        let ret = self.types.ret_of(&call.name);
        if self.spawning_shared {
            let call = self.call(call);
            return self.shared_item_spawn(call, ret);
        }
        let text = format!("tokio::spawn({})", self.call(call));
        Code::new(text, Ty::Task(Box::new(ret)), 10)
    }

    /// `f(...)` not awaited: a future that does nothing until awaited.
    pub(super) fn coro_expr(&mut self, call: &Call) -> Code {
        let ret = self.types.ret_of(&call.name);
        Code::new(self.call(call), Ty::Coro(Box::new(ret)), 10)
    }

    /// `asyncio.sleep(d, result=v)` as a value: an `async` block that
    /// sleeps, then gives `v`.
    pub(super) fn slept_expr(&mut self, delay: &Expr, value: &Expr) -> Code {
        let d = self.duration(delay);
        self.use_("tokio::time", "sleep");
        let v = self.expr(value);
        let text = format!("async move {{ sleep({d}).await; {} }}", v.owned());
        Code::new(text, Ty::Coro(Box::new(v.ty)), 10)
    }

    /// Whether a list of coroutines holds a call of a function that can fail.
    fn gathers_failing(&self, list: &Expr) -> bool {
        let calls: Vec<&Call> = match &list.kind {
            ExprKind::List(items) => items
                .iter()
                .filter_map(|x| match &x.kind {
                    ExprKind::Coro(c) => Some(c),
                    _ => None,
                })
                .collect(),
            ExprKind::Comp { value, .. } => match &value.kind {
                ExprKind::Coro(c) => vec![c],
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        calls.iter().any(|c| !self.try_op(&c.name).is_empty())
    }

    /// `await asyncio.gather(*xs)`: every task or coroutine of the list,
    /// their results in the list's order (a task that panicked panics
    /// here too).
    pub(super) fn gather_all(&mut self, list: &Expr) -> Code {
        let xs = self.expr(list);
        if let ExprKind::Var(n) = &list.kind
            && self.shared_list(n)
        {
            return self.shared_gather(n, xs);
        }
        let ty = Ty::List(Box::new(xs.ty.elem().inner()));
        let tasks = matches!(xs.ty.elem(), Ty::Task(_));
        let text = if tasks {
            self.use_("futures::future", "try_join_all");
            let kept = matches!(&list.kind, ExprKind::Var(n) if self.demo.function(&self.func)
                .is_some_and(|f| super::gathered_tasks::gathered_then_read(&f.body).contains(n)));
            let handles = if kept {
                // Read again after: the handles are awaited through `&mut`.
                format!("{}.iter_mut()", xs.text)
            } else {
                xs.text
            };
            format!("try_join_all({handles}).await.unwrap()")
        } else if self.gathers_failing(list) {
            // The first exception of the children comes out of `gather`.
            self.use_("futures::future", "try_join_all");
            format!("try_join_all({}).await?", xs.text)
        } else {
            self.use_("futures::future", "join_all");
            format!("join_all({}).await", xs.text)
        };
        let mut c = Code::new(text, ty, 10);
        c.fresh = true;
        c
    }
}

impl Renderer<'_> {
    /// `{head}vec![...]{tail}` too wide for a line, one item a line as
    /// rustfmt lays out a list of calls; false when it fits or is no list.
    pub(super) fn vec_lines(&mut self, head: &str, rhs: &str, tail: &str) -> bool {
        let width = 4 * self.indent + head.len() + rhs.len() + tail.len();
        let Some(inner) = rhs.strip_prefix("vec![").and_then(|r| r.strip_suffix(']')) else {
            return false;
        };
        let items = super::wrap::split_args(inner);
        let fits = width <= 100 && inner.len() <= super::wrap::ARRAY_WIDTH;
        if fits || items.iter().any(|i| i.len() <= 10 || i.contains('\n')) {
            return false;
        }
        self.line(format!("{head}vec!["));
        self.indent += 1;
        for item in items {
            self.vec_item(&item);
        }
        self.indent -= 1;
        self.line(format!("]{tail}"));
        true
    }

    /// One item of a list written one item a line: `tokio::spawn(f(...))`
    /// whose inner call is too wide has that call's arguments one a line,
    /// as rustfmt lays them out.
    fn vec_item(&mut self, item: &str) {
        let inner = item
            .split_once('(')
            .and_then(|(outer, rest)| Some((outer, rest.strip_suffix(')')?)));
        match inner {
            Some((outer, call))
                if call.len() > super::wrap::CALL_WIDTH
                    && !outer.contains([' ', '"'])
                    && !call.contains(['\n', '|'])
                    && call.ends_with(')')
                    && call.split_once('(').is_some_and(|(f, _)| {
                        f.chars().all(|c| c.is_alphanumeric() || "_:".contains(c))
                    }) =>
            {
                self.wrapped_call(&format!("{outer}("), call, "),");
            }
            _ => self.line(format!("{item},")),
        }
    }
}

impl Types {
    /// What the statement's spawned and kept coroutine calls tell: their
    /// arguments must outlive the statement (and be `'static` in a task).
    pub(super) fn value_calls(&mut self, demo: &Demo, f: &str, s: &Stmt) -> bool {
        let mut found = Vec::new();
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| match &x.kind {
                ExprKind::Spawn(call) | ExprKind::Job(call, _) => found.push((call, true)),
                ExprKind::Coro(call) | ExprKind::Stream(call) => found.push((call, false)),
                _ => {}
            });
        }
        let mut changed = false;
        for (call, task) in found {
            if task {
                changed |= self.tasked.insert(call.name.clone());
            }
            // An int variable passed for a float parameter stays an int:
            // the call converts it (`seconds as f64`).
            let ints: Vec<&String> = call
                .args
                .iter()
                .filter_map(|a| match &a.kind {
                    ExprKind::Var(n) if self.var(f, n) == Ty::Int => Some(n),
                    _ => None,
                })
                .collect();
            changed |= self.call(demo, f, call, true);
            for n in ints {
                if let Some(ty) = self.vars.get_mut(f).and_then(|v| v.get_mut(n)) {
                    *ty = Ty::Int;
                }
            }
        }
        changed
    }
}
