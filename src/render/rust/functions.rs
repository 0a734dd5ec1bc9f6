//! Coroutines and generators: per-function state, signatures and bodies.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::names::{camel, fn_name, ident};
use super::types::Ty;
use crate::render::plan::ir::ast::{Block, Function, FunctionKind, StmtKind};
use std::collections::HashSet;

impl Renderer<'_> {
    /// Prepares per-function state.
    pub(super) fn enter(&mut self, f: &Function, self_name: &'static str, with_fields: bool) {
        self.func = f.name.clone();
        self.kind = f.kind;
        self.declared = f.params.iter().cloned().collect();
        self.said_no_async_drop = false;
        self.assigned.clear();
        f.walk(&mut |s| {
            let names: Vec<&String> = match &s.kind {
                StmtKind::Set { var, .. } => vec![var],
                StmtKind::Await { into: Some(v), .. }
                | StmtKind::CallFn { into: Some(v), .. }
                | StmtKind::RunBlocking { into: Some(v), .. }
                | StmtKind::Join { into: Some(v), .. }
                | StmtKind::Gather { into: Some(v), .. }
                | StmtKind::WaitFor { into: Some(v), .. }
                | StmtKind::TimedWait { into: Some(v), .. }
                | StmtKind::Shield { into: Some(v), .. }
                | StmtKind::PrimCall { into: Some(v), .. } => vec![v],
                StmtKind::Collect { into, .. }
                | StmtKind::Receive { into, .. }
                | StmtKind::Port { into, .. }
                | StmtKind::Spawn { into, .. }
                | StmtKind::SpawnWaiter { into, .. } => vec![into],
                _ => vec![],
            };
            for n in names {
                let parts = super::tuples::pattern_names(n).unwrap_or_else(|| vec![n]);
                for n in parts {
                    *self.assigned.entry(n.to_string()).or_default() += 1;
                }
            }
        });
        // A list changed in place is `mut`, as one set again.
        for block in [&f.body, &f.exit] {
            for n in super::analysis::mutated_lists(block) {
                *self.assigned.entry(n).or_default() += 2;
            }
            for n in super::kept_iters::kept_iterators(block) {
                *self.assigned.entry(n).or_default() += 2;
            }
            for n in super::objects::mutated_objects(self.demo, block) {
                *self.assigned.entry(n).or_default() += 2;
            }
            for n in super::mut_borrows::lent_vars(block, &self.mut_params) {
                *self.assigned.entry(n).or_default() += 2;
            }
        }
        self.unmut_ended_tasks(f);
        self.start_outputs();
        // A variable set inside a loop is set again on each turn, unless
        // only the loop's body uses it: then each turn binds it afresh.
        f.walk(&mut |s| {
            if let StmtKind::While { body, .. } = &s.kind {
                let outside = super::analysis::used_outside(f, body);
                crate::render::plan::ir::ast::walk(body, &mut |inner| {
                    if let StmtKind::Set { var: v, .. } = &inner.kind
                        && outside.contains(v)
                    {
                        *self.assigned.entry(v.clone()).or_default() += 1;
                    }
                });
            }
        });
        self.used.clear();
        f.walk(&mut |s| {
            let mut vars = Vec::new();
            for (e, _) in stmt_exprs(s) {
                e.variables(&mut vars);
            }
            self.used.extend(vars.into_iter().map(|(v, _)| v));
            match &s.kind {
                StmtKind::Join { target, .. } | StmtKind::CompletedTasks { tasks: target, .. } => {
                    self.used.insert(target.clone());
                }
                StmtKind::Cancel { task } | StmtKind::PrimCall { object: task, .. } => {
                    self.used.insert(task.clone());
                }
                StmtKind::Resolve { future, .. } => {
                    self.used.insert(future.clone());
                }
                StmtKind::CancelPending(tasks) => {
                    self.used.extend(tasks.iter().map(|p| p.task.clone()));
                }
                StmtKind::Connect { server: n, .. }
                | StmtKind::Send { conn: n, .. }
                | StmtKind::Receive { conn: n, .. } => {
                    self.used.insert(n.clone());
                }
                StmtKind::KeepLast { var, .. } => {
                    self.used.insert(var.clone());
                }
                StmtKind::Close { target } => {
                    self.used.insert(target.clone());
                    self.used.insert(format!("{target} (closed)"));
                }
                _ => {}
            }
        });
        // A parameter taken as `&T` is a reference already.
        self.borrowed = f
            .params
            .iter()
            .enumerate()
            .filter(|(i, _)| self.ref_params.contains(&(f.name.clone(), *i)))
            .map(|(_, p)| p.clone())
            .collect();
        self.fields = if with_fields {
            f.fields.iter().map(|(n, _)| n.clone()).collect()
        } else {
            HashSet::new()
        };
        self.self_name = self_name;
        self.local_futures.clear();
        self.str_params = f
            .params
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                self.types.var(&f.name, p) == Ty::Str && !self.param_owned(&f.name, *i)
            })
            .map(|(_, p)| p.clone())
            .collect();
    }

    /// A `Vec<&str>` parameter (only ever given lists of literals).
    pub(super) fn list_borrowed(&self, func: &str, i: usize) -> bool {
        let kind = self.demo.function(func).map(|f| f.kind);
        matches!(
            kind,
            Some(FunctionKind::Coroutine | FunctionKind::Generator | FunctionKind::Blocking)
        ) && !self.types.owned_list.contains(&(func.to_string(), i))
    }

    pub(super) fn param_owned(&self, func: &str, i: usize) -> bool {
        // A constructor (`new`) takes `&str` and owns the text itself.
        self.types.spawned.contains(func) && self.types.owned_str.contains(&(func.to_string(), i))
    }

    /// A function signature, its parameters one per line when rustfmt
    /// would break it (longer than 100 columns).
    pub(super) fn signature(&mut self, head: &str, params: &str, tail: &str) {
        let one = format!("{}{head}{params}{tail}", "    ".repeat(self.indent));
        if one.len() <= 100 || params.is_empty() {
            self.lines.push(one);
            return;
        }
        self.line(head);
        for p in top_level_params(params) {
            self.line(format!("    {p},"));
        }
        self.line(tail);
    }

    /// Whether a semaphore or lock goes to a spawned task: then it is an
    /// `Arc`, each task holding a clone.
    pub(super) fn sync_shared(&self) -> bool {
        self.demo.functions.iter().any(|f| {
            self.types.tasked.contains(&f.name)
                && f.params.iter().any(|p| {
                    matches!(
                        self.types.var(&f.name, p),
                        Ty::Sync(_) | Ty::Event | Ty::Barrier | Ty::Condition
                    )
                })
        })
    }

    pub(super) fn param_list(&mut self, f: &Function) -> String {
        self.param_texts(f).join(", ")
    }

    /// Each parameter of `f` as its signature writes it.
    pub(super) fn param_texts(&mut self, f: &Function) -> Vec<String> {
        if f.params
            .iter()
            .any(|p| self.shared.contains(&(f.name.clone(), p.clone())))
        {
            self.use_("futures::future", "Shared");
        }
        f.params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let ty = self.types.var(&f.name, p);
                let duration = self.durations.contains_key(&(f.name.clone(), p.clone()));
                if duration {
                    self.use_("std::time", "Duration");
                }
                let at = (f.name.clone(), i);
                let shared = self.ref_params.contains(&at);
                let locked = self.locked.params.contains(&at);
                let lent = self.mut_params.contains(&at) || shared || locked;
                let written = match &ty {
                    _ if duration => "Duration".to_string(),
                    Ty::List(t)
                        if matches!(**t, Ty::Future(_))
                            && self.types.senders.contains(&(f.name.clone(), p.clone())) =>
                    {
                        format!("Vec<oneshot::Sender<{}>>", t.inner().rust())
                    }
                    Ty::List(t) if shared => format!("&[{}]", t.rust()),
                    _ if shared => format!("&{}", ty.rust()),
                    _ if self.mut_params.contains(&at) => format!("&mut {}", ty.rust()),
                    _ if let Some(t) = self.locked_param_ty(&f.name, i, &ty) => t,
                    _ if self.whole_seconds.contains(&(f.name.clone(), p.clone())) => {
                        "u64".to_string()
                    }
                    Ty::Str if !self.param_owned(&f.name, i) => "&str".to_string(),
                    Ty::List(t) if **t == Ty::Str && self.list_borrowed(&f.name, i) => {
                        "Vec<&str>".to_string()
                    }
                    Ty::Future(t) if self.types.senders.contains(&(f.name.clone(), p.clone())) => {
                        format!("oneshot::Sender<{}>", t.rust())
                    }
                    Ty::Future(t) if self.shared.contains(&(f.name.clone(), p.clone())) => {
                        format!("Shared<oneshot::Receiver<{}>>", t.rust())
                    }
                    Ty::Sync(_) | Ty::Event | Ty::Barrier | Ty::Condition if self.sync_shared() => {
                        format!("Arc<{}>", ty.rust())
                    }
                    Ty::Sync(_) | Ty::Event | Ty::Barrier | Ty::Condition => {
                        format!("&{}", ty.rust())
                    }
                    Ty::Queue(_) => return self.queue_params(&f.name, p, &ty),
                    t => t.rust(),
                };
                match ty {
                    Ty::Conn => {
                        self.use_("tokio::io", "BufReader");
                        self.use_("tokio::net", "TcpStream");
                    }
                    Ty::Server => self.use_("std::net", "SocketAddr"),
                    Ty::Token => self.use_("tokio_util::sync", "CancellationToken"),
                    Ty::Event | Ty::Barrier | Ty::Condition => {
                        let name = match ty {
                            Ty::Event => "watch",
                            Ty::Barrier => "Barrier",
                            _ => "Notify",
                        };
                        self.use_("tokio::sync", name);
                        if self.sync_shared() {
                            self.use_("std::sync", "Arc");
                        }
                    }
                    Ty::Sync(lock) => {
                        self.use_("tokio::sync", if lock { "Mutex" } else { "Semaphore" });
                        if self.sync_shared() {
                            self.use_("std::sync", "Arc");
                        }
                    }
                    _ => {}
                }
                let m = if (self.assigned.contains_key(p) || ty == Ty::Conn)
                    && !self.fields.contains(p)
                    && !lent
                {
                    "mut "
                } else {
                    ""
                };
                // A plain value a plain function's body never reads, named
                // so for the compiler.
                let value = matches!(
                    ty,
                    Ty::Str | Ty::Int | Ty::Float | Ty::Bool | Ty::List(_) | Ty::Dict(..)
                );
                let unread = if value
                    && !duration
                    && matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Blocking)
                    && f.fields.is_empty()
                    && !self.used.contains(p)
                    && !self.fields.contains(p)
                {
                    "_"
                } else {
                    ""
                };
                format!("{m}{unread}{}: {written}", ident(p))
            })
            .collect()
    }

    pub(super) fn ret_suffix(&self, name: &str) -> String {
        let ret = match self.types.ret_of(name) {
            // Cancelled, it gives `None` (see `wait_for_reraise`).
            t if self.reraise_value(name) => Ty::Option(Box::new(t)),
            // Whether it ended cancelled (see `cancel_ends`).
            _ if self.cancel_end(name).is_some() => Ty::Bool,
            t => t,
        };
        match ret {
            Ty::Unit | Ty::Unknown if self.fallible.contains(name) => {
                " -> Result<(), Error>".into()
            }
            t if self.fallible.contains(name) => format!(" -> Result<{}, Error>", t.rust()),
            Ty::Unit | Ty::Unknown => String::new(),
            t => format!(" -> {}", t.rust()),
        }
    }

    /// `?` after a call of `name` when it can fail: its `Err` goes on up.
    pub(super) fn try_op(&self, name: &str) -> &'static str {
        if self.fallible.contains(name) {
            "?"
        } else {
            ""
        }
    }

    pub(super) fn coroutine(&mut self, f: &Function, is_entry_main: bool) {
        self.enter(f, "self", false);
        self.entry_main = is_entry_main;
        if is_entry_main {
            // A program that never starts an event loop has a plain `main`.
            let exits = self.exits() && !self.fallible.contains(&f.name);
            let head = if f.kind == FunctionKind::Blocking && exits {
                "fn main() -> ExitCode"
            } else if f.kind == FunctionKind::Blocking {
                "fn main()"
            } else {
                self.line(super::MAIN_ATTR);
                "async fn main()"
            };
            // `main` returns nothing, or the exception that ends the program.
            self.line(if self.fallible.contains(&f.name) {
                format!("{head} -> Result<(), Error> {{")
            } else {
                format!("{head} {{")
            });
        } else {
            let mut params = self.param_list(f);
            if let Some(source) = self.caller_closes.get(&f.name).cloned() {
                let obj = self.resource_name(&source);
                let sep = if params.is_empty() { "" } else { ", " };
                params = format!("{params}{sep}{obj}: &mut {}", camel(&source.name));
            }
            let ret = self.ret_suffix(&f.name);
            let head = match f.kind {
                FunctionKind::Blocking => format!("fn {}(", fn_name(&f.name)),
                _ => format!("async fn {}(", fn_name(&f.name)),
            };
            if f.kind == FunctionKind::Coroutine {
                self.job_note(&f.name);
            }
            match self.generic_signature(f) {
                Some((head, params, tail)) => self.signature(&head, &params, &tail),
                None => self.signature(&head, &params, &format!("){ret} {{")),
            }
        }
        self.indent += 1;
        if is_entry_main {
            self.start_clock();
        }
        self.body(&f.body, true);
        let ends = matches!(
            f.body.last().map(|s| &s.kind),
            Some(StmtKind::Return(_) | StmtKind::Raise { .. } | StmtKind::RaiseValue(_))
        );
        if is_entry_main
            && f.kind == FunctionKind::Blocking
            && self.exits()
            && !self.fallible.contains(&f.name)
        {
            self.line("ExitCode::SUCCESS");
        } else if self.fallible.contains(&f.name)
            && !ends
            && matches!(self.types.ret_of(&f.name), Ty::Unit | Ty::Unknown)
        {
            self.line("Ok(())");
        }
        self.indent -= 1;
        self.line("}");
        self.entry_main = false;
    }

    pub(super) fn generator(&mut self, f: &Function) {
        self.enter(f, "self", false);
        self.use_("futures", "Stream");
        self.use_("async_stream", "stream");
        let params = self.param_texts(f);
        let item = self.types.item.get(&f.name).cloned().unwrap_or(Ty::Unknown);
        let (head, params, bound) = stream_lifetimes(fn_name(&f.name), params);
        let params = params.join(", ");
        let tail = format!(") -> impl Stream<Item = {}>{bound} {{", item.rust());
        self.signature(&head, &params, &tail);
        self.indent += 1;
        self.line("stream! {");
        self.indent += 1;
        self.body(&f.body, false);
        self.indent -= 1;
        self.line("}");
        self.indent -= 1;
        self.line("}");
    }

    pub(super) fn body(&mut self, block: &Block, tail: bool) {
        let n = block.len();
        let mut i = 0;
        while i < n {
            if self.sentinel_get(&block[i], block.get(i + 1)) {
                i += 2;
                continue;
            }
            self.stmt(&block[i], tail && i + 1 == n);
            i += 1;
        }
    }
}

/// A stream function's head, parameters and lifetime bound. The stream
/// holds its borrowed parameters, which edition 2021 must be told (2024
/// captures them by itself): one is `+ '_`, several share a named `'a`.
fn stream_lifetimes(name: String, params: Vec<String>) -> (String, Vec<String>, &'static str) {
    let borrowed = |p: &String| p.split_once(": ").is_some_and(|(_, t)| t.starts_with('&'));
    match params.iter().filter(|p| borrowed(p)).count() {
        0 => (format!("fn {name}("), params, ""),
        1 => (format!("fn {name}("), params, " + '_"),
        _ => {
            let params = params
                .into_iter()
                .map(|p| match p.split_once(": &") {
                    Some((n, t)) => format!("{n}: &'a {t}"),
                    None => p,
                })
                .collect();
            (format!("fn {name}<'a>("), params, " + 'a")
        }
    }
}

/// The parameters of a signature's list, split at its top-level commas
/// only: `f: impl Fn(i64, i64) -> i64` and `d: IndexMap<String, i64>` are
/// one parameter each.
fn top_level_params(params: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    let mut prev = ' ';
    for (i, c) in params.char_indices() {
        match c {
            '(' | '[' | '<' => depth += 1,
            ')' | ']' => depth -= 1,
            // The `>` of `->` closes nothing.
            '>' if prev != '-' => depth -= 1,
            ',' if depth == 0 => {
                out.push(params[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
        prev = c;
    }
    out.push(params[start..].trim());
    out
}
