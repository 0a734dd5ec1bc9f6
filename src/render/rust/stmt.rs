//! Statements: one Rust statement (or a few lines) per plan statement,
//! each recorded with its span.

use super::Renderer;
use super::completed_deadline::Completing;
use super::names::{fn_name, ident};
use super::types::Ty;
use crate::render::plan::ir::ast::{FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

impl Renderer<'_> {
    pub(super) fn stmt(&mut self, s: &Stmt, tail: bool) {
        let start = self.lines.len();
        self.cancels_read(s);
        self.take_outputs(s);
        self.declare_aborted(s);
        self.stmt_inner(s, tail);
        self.take_back_locked(s);
        self.declare_task_names(s);
        if self.lines.len() == start {
            self.line("// (nothing to do in Rust)");
        }
        // A statement run first for this one (`sleep` before the value of
        // `asyncio.sleep(d, result=v)`) shares its span.
        let from = match self.spans.get(&s.id) {
            Some(r) if r.end == start => r.start,
            _ => start,
        };
        self.spans.insert(s.id, from..self.lines.len());
    }

    pub(super) fn no_await(&mut self, what: &str) {
        self.line(format!(
            "// `{what}` would await here, but `Drop` cannot await."
        ));
    }

    pub(super) fn stmt_inner(&mut self, s: &Stmt, tail: bool) {
        if self.sync && !s.kind.runs_without_runtime() {
            let what = match &s.kind {
                StmtKind::Sleep(_) => "sleep",
                StmtKind::Return(_) => "return",
                _ => "this statement",
            };
            self.no_await(what);
            return;
        }
        match &s.kind {
            StmtKind::SetField {
                object,
                field,
                value,
            } => self.set_field(object, field, value),
            StmtKind::Print(t) if self.demo.unended.contains(&s.id) => self.print_line(t, "print!"),
            StmtKind::Eprint(t) if self.demo.unended.contains(&s.id) => {
                self.print_line(t, "eprint!")
            }
            StmtKind::Print(t) => self.print_line(t, "println!"),
            StmtKind::Eprint(t) => self.print_line(t, "eprintln!"),
            StmtKind::Note(text) => {
                let width = 96usize.saturating_sub(4 * self.indent);
                for l in super::wrap::wrap_comment(text, width) {
                    self.line(l);
                }
            }
            StmtKind::Sleep(e) => {
                if let ExprKind::Lit(v) = &e.kind
                    && v.as_seconds() == Some(0.0)
                {
                    self.line("tokio::task::yield_now().await;");
                    return;
                }
                self.use_("tokio::time", "sleep");
                let d = self.duration(e);
                if self.poll_mode {
                    // `poll` is `Future`'s: in the 2024 prelude, named for
                    // readers on older editions.
                    self.use_("std::future", "Future");
                    self.line("let delay = self");
                    self.line("    .delay");
                    self.line(format!("    .get_or_insert_with(|| Box::pin(sleep({d})));"));
                    self.line("ready!(delay.as_mut().poll(cx));");
                    self.line("self.delay = None;");
                } else if !self.wide_sleep_lines(&d)
                    && !self.nested_call_lines("", &format!("sleep({d})"), ".await;")
                {
                    self.line(format!("sleep({d}).await;"));
                }
            }
            StmtKind::Block(e) if self.kind == FunctionKind::Blocking => {
                let d = self.blocking_sleep(e);
                self.line("// Blocks the thread it runs on: keep it off the runtime's threads.");
                self.line(format!("std::thread::sleep({d});"));
            }
            StmtKind::Block(e) => {
                let d = self.blocking_sleep(e);
                self.line(
                    "// Blocks the runtime's thread: no other task runs meanwhile (the mistake).",
                );
                self.line(format!("std::thread::sleep({d});"));
            }
            StmtKind::Compute(e) => {
                let d = self.duration(e);
                self.line("// CPU-bound work: holds the thread it runs on, like a blocking call.");
                self.line(format!("std::thread::sleep({d});"));
            }
            StmtKind::Return(e) => self.ret(e.as_ref(), tail),
            StmtKind::RaiseValue(e) => self.raise_value(e, tail),
            StmtKind::Stop if self.poll_mode => {
                if tail {
                    self.line("Poll::Ready(None)");
                } else {
                    self.line("return Poll::Ready(None);");
                }
            }
            StmtKind::Stop => {
                if tail {
                    self.line("None");
                } else {
                    for g in self.guards.clone().iter().rev() {
                        self.disarm(g);
                    }
                    self.line("return None;");
                }
            }
            StmtKind::ExitRaised {
                name,
                raised,
                clean,
            } => self.exit_raised(name, raised, clean, tail),
            StmtKind::Break(None) => self.line("break;"),
            StmtKind::Break(Some(label)) => self.line(format!("break '{label};")),
            StmtKind::Labeled { label, body } => {
                let mut broken = false;
                crate::render::plan::ir::ast::walk(body, &mut |s| {
                    broken |= matches!(&s.kind, StmtKind::Break(Some(l)) if l == label);
                });
                if !broken {
                    // No `break` leaves the loop: its `else` part always runs.
                    self.body(body, tail);
                    return;
                }
                self.line(
                    "// A loop with `else`: `break` leaves the block, skipping the `else` part.",
                );
                self.line(format!("'{label}: {{"));
                self.indent += 1;
                self.body(body, false);
                self.indent -= 1;
                self.line("}");
            }
            StmtKind::Continue => self.line("continue;"),
            StmtKind::Await { call, into } => {
                let c = self.call(call);
                let ret = self.types.ret_of(&call.name);
                let into = into
                    .as_deref()
                    .filter(|_| ret != Ty::Unit && ret != Ty::Unknown);
                let q = self.try_op(&call.name);
                // In a plain `main`, `asyncio.run(...)` runs the coroutine
                // on an event loop of its own: the `run` helper.
                if self.kind == FunctionKind::Blocking && self.exits() {
                    self.needs_run = true;
                    self.run_or_exit(into, &c);
                } else if self.kind == FunctionKind::Blocking {
                    self.needs_run = true;
                    self.assign(into, &format!("run({c}){q}"));
                } else {
                    self.assign(into, &format!("{c}.await{q}"));
                }
            }
            StmtKind::Make { call, into } => {
                let c = self.call(call);
                if self.used.contains(into) {
                    self.line("// Not started yet: a Rust future runs only when awaited.");
                } else {
                    self.line("// Never awaited, so it never runs.");
                }
                let b = self.bind(into);
                self.line(format!("{b}{c};"));
            }
            StmtKind::SpawnWaiter { into, task } => self.spawn_waiter(into, task),
            StmtKind::Spawn { call, into } if self.demo.late_spawns.contains(&s.id) => {
                self.late_spawn(call, into)
            }
            StmtKind::Spawn { call, into } if self.shares(into) => {
                let c = self.call(call);
                if !self.shared_aborted_spawn(into, &c) {
                    self.shared_spawn(into, &c);
                }
                self.abort_flag(into);
            }
            StmtKind::Spawn { call, into } => {
                let c = self.call(call);
                if !self.used.contains(into) {
                    self.line("// Never awaited: dropping a JoinHandle detaches the task.");
                }
                // A value nobody reads needs no name.
                let head = match Some(into.as_str())
                    .filter(|n| self.used.contains(*n) || self.declared.contains(*n))
                {
                    Some(n) => format!("{}tokio::spawn(", self.bind(n)),
                    None => "tokio::spawn(".to_string(),
                };
                self.wrapped_call(&head, &c, ");");
                self.abort_flag(into);
            }
            StmtKind::TaskGroup { group, body, .. }
                if crate::render::plan::ir::exc_groups::collects(body, &self.fallible) =>
            {
                self.failing_group(group, body)
            }
            StmtKind::TaskGroup { group, body, kept } => self.task_group(group, body, kept),
            StmtKind::CallFn { call, into } => {
                if self.kind != FunctionKind::Blocking {
                    self.line(format!(
                        "// A plain call: `{}` holds this task's thread until it returns.",
                        fn_name(&call.name)
                    ));
                }
                let c = self.call(call);
                let into = into
                    .as_deref()
                    .filter(|_| !matches!(self.types.ret_of(&call.name), Ty::Unit | Ty::Unknown));
                let q = self.try_op(&call.name);
                self.assign(into, &format!("{c}{q}"));
            }
            StmtKind::Runtime { name } => self.runtime(name),
            StmtKind::Runner { name, body } => self.runner(name, body),
            StmtKind::BlockOn {
                runtime,
                body,
                into,
            } => self.block_on(runtime, body, into.as_deref()),
            StmtKind::RunForever { runtime } => self.run_forever(runtime),
            StmtKind::StopLoop => self.stop_loop(),
            StmtKind::KeepLast { var, step } => self.keep_last(var, *step),
            StmtKind::Pool {
                process,
                name,
                workers,
                body,
            } => self.pool(*process, name, workers.as_ref(), body),
            StmtKind::Submit { call, into, pool } => {
                let job = self.job(call, pool.as_deref());
                self.assign_chain(Some(into), &job, &[]);
                self.abort_flag(into);
            }
            StmtKind::RunBlocking { call, into, pool } => {
                let job = self.job(call, pool.as_deref());
                let into = into
                    .as_deref()
                    .filter(|_| !matches!(self.types.ret_of(&call.name), Ty::Unit | Ty::Unknown));
                let unwrap = format!(".unwrap(){}", self.try_op(&call.name));
                self.assign_chain(into, &job, &[".await".into(), unwrap]);
            }
            StmtKind::LoopSpawn { runtime, call } => self.loop_spawn(runtime, call),
            StmtKind::GroupSpawn { group, call } if self.spawns_quiet_child(group, call) => {
                self.quiet_child(group, call)
            }
            StmtKind::GroupSpawn { group, call } => {
                let c = self.call(call);
                self.wrapped_call(&format!("{}.spawn(", ident(group)), &c, ");");
            }
            StmtKind::Join { target, into } => {
                if self.join_taken(target, into.as_deref())
                    || self.join_gathered(target, into.as_deref())
                {
                    return;
                }
                let ty = self.var_ty(target);
                let t = self.awaited_handle(target);
                let failing = self.demo.function(&self.func).is_some_and(|f| {
                    crate::render::plan::ir::raises::failing_tasks(f, &self.fallible)
                        .contains_key(target)
                });
                let rhs = match ty {
                    _ if self.shares(target) => self.shared_read(target, failing).text,
                    Ty::Task(_) if failing => format!("{t}.await.unwrap()?"),
                    Ty::Task(_) => format!("{t}.await.unwrap()"),
                    Ty::Future(_) => format!("{t}.await.unwrap()"),
                    _ => format!("{t}.await"),
                };
                let into = into
                    .as_deref()
                    .filter(|_| !matches!(ty.inner(), Ty::Unit | Ty::Unknown));
                self.assign(into, &rhs);
            }
            StmtKind::Shield { call, into } => self.shield(call, into.as_deref()),
            StmtKind::Deadline {
                delay: Some(delay),
                at,
                body,
                on_timeout,
                when,
                expired,
            } => {
                self.deadline_when(when.as_ref());
                self.deadline(delay, *at, body, on_timeout, expired.as_deref())
            }
            StmtKind::Deadline {
                delay: None, body, ..
            } => self.unbounded(body),
            StmtKind::Schedule { delay, call, into } => {
                self.schedule(delay.as_ref(), call, into.as_deref())
            }
            StmtKind::Soon(body) => self.soon(body),
            StmtKind::Cancel { task } if self.tokened_cancel(task) => {}
            StmtKind::Cancel { task } => {
                self.line("// Tokio cancels by dropping the task's future at its next await.");
                self.note_abort(task);
                self.line(format!("{}.abort();", self.abort_target(task)));
            }
            StmtKind::CancelItem(item) => self.cancel_item(item),
            StmtKind::Gather { calls, into } => self.gather(calls, into.as_deref()),
            StmtKind::Wait {
                calls,
                first,
                timeout,
                done,
                pending,
            } => self.wait(calls, *first, timeout.as_ref(), done, pending),
            StmtKind::AbortAll { set } => self.abort_all(set),
            StmtKind::CancelPending(tasks) => self.cancel_pending(tasks),
            StmtKind::CompletedTasks {
                tasks,
                var,
                count,
                body,
                deadline,
            } => match deadline {
                Some(d) => {
                    let tasks = Completing::Tasks(tasks, count.as_deref());
                    self.completed_by(tasks, var, body, d);
                }
                None => self.completed_tasks(tasks, var, count.as_deref(), body),
            },
            StmtKind::AsCompleted {
                calls,
                var,
                body,
                deadline,
            } => match deadline {
                Some(d) => self.completed_by(Completing::Calls(calls), var, body, d),
                None => self.as_completed(calls, var, body),
            },
            StmtKind::WaitFor {
                call,
                timeout,
                into,
                body,
                on_timeout,
                token: Some((token, end)),
            } => self.wait_for_token(
                call,
                timeout,
                into.as_deref(),
                body,
                on_timeout,
                token,
                *end,
            ),
            StmtKind::WaitFor {
                call,
                timeout,
                into,
                body,
                on_timeout,
                ..
            } => {
                self.deadline_first = self.ties.contains(&timeout.span);
                self.wait_for(call, timeout, into.as_deref(), body, on_timeout);
                self.deadline_first = false;
            }
            StmtKind::TimedWait {
                task,
                timeout,
                into,
                on_timeout,
                abort,
            } => self.wait_task(task, timeout, into.as_deref(), on_timeout, *abort),
            StmtKind::AsyncFor { source, var, body } => {
                self.async_for(source, var, body);
            }
            StmtKind::Yield(e) => {
                let c = self.expr(e);
                self.yield_line(&c.owned());
            }
            StmtKind::AsyncWith { source, var, body } => {
                self.async_with(s.id, source, var.as_deref(), body, tail)
            }
            StmtKind::Collect { .. } => self.collect(&s.kind),
            StmtKind::For { var, over, body } => {
                self.for_loop(var, over, body);
            }
            StmtKind::While { cond, body } => {
                let c = self.test(cond);
                if c.text == "true" {
                    self.line("loop {");
                } else {
                    self.line(format!("while {} {{", c.text));
                }
                self.nested(body);
                self.line("}");
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } if self.if_let_some(cond, then, otherwise, tail) => {}
            StmtKind::If {
                cond,
                then,
                otherwise,
            } if self.if_let_list(cond, then, otherwise, tail) => {}
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => {
                self.declare_branch_bound(s);
                let c = self.test(cond);
                self.line(format!("if {} {{", c.text));
                self.nested_tail(then, tail);
                self.else_chain(otherwise, tail);
                self.line("}");
            }
            StmtKind::Set { var, value } if let ExprKind::Stream(call) = &value.kind => {
                self.keep_stream(var, call)
            }
            StmtKind::Set { var, value } if var == "_" && self.waited_map(value) => {}
            StmtKind::Set { var, value } => self.set(var, value),
            StmtKind::Try {
                body,
                on_cancel,
                finally,
            } => self.try_(body, on_cancel, finally, tail),
            StmtKind::Sync { name, permits } => {
                self.declared.insert(name.clone());
                let made = match permits {
                    Some(n) => {
                        self.use_("tokio::sync", "Semaphore");
                        let n = match &n.kind {
                            ExprKind::Lit(_) => self.expr(n).text,
                            _ => format!("{} as usize", self.expr(n).wrap(8)),
                        };
                        format!("Semaphore::new({n})")
                    }
                    None => {
                        self.use_("tokio::sync", "Mutex");
                        "Mutex::new(())".to_string()
                    }
                };
                if self.sync_shared() {
                    self.use_("std::sync", "Arc");
                    self.line("// Shared with spawned tasks: reference-counted.");
                    self.line(format!("let {} = Arc::new({made});", ident(name)));
                } else {
                    self.line(format!("let {} = {made};", ident(name)));
                }
            }
            StmtKind::Primitive { name, made } => self.primitive(name, made),
            StmtKind::PrimCall {
                object,
                op,
                arg,
                into,
            } => self.prim_stmt(object, *op, arg.as_ref(), into.as_deref(), &s.span),
            StmtKind::Locked { sync, body } if self.var_ty(sync) == Ty::Condition => {
                self.condition_locked(body, tail)
            }
            StmtKind::Locked { sync, body } if self.binds_for_later(body, s.span.end) => {
                self.held_flat(sync, body)
            }
            StmtKind::Locked { sync, body } => {
                let held = match self.var_ty(sync) {
                    Ty::Sync(true) => format!("let _guard = {}.lock().await;", ident(sync)),
                    _ => format!(
                        "let _permit = {}.acquire().await.expect(\"the semaphore is never closed\");",
                        ident(sync)
                    ),
                };
                self.line("{");
                self.indent += 1;
                self.line("// Released when the block ends, as `async with` releases it.");
                self.line(held);
                self.body(body, tail);
                self.indent -= 1;
                self.line("}");
            }
            StmtKind::GivenNames { list, names } => self.given_names(list, names),
            StmtKind::Future { name } => {
                self.use_("tokio::sync", "oneshot");
                self.local_futures.insert(name.clone());
                self.declared.insert(name.clone());
                self.line(format!(
                    "let ({}_tx, {}) = oneshot::channel();",
                    name,
                    ident(name)
                ));
                if self.shared.contains(&(self.func.clone(), name.clone())) {
                    self.use_("futures", "FutureExt");
                    self.line("// Awaited in several places: a cloneable, shared future.");
                    self.line(format!("let {} = {}.shared();", ident(name), ident(name)));
                }
            }
            StmtKind::FutureList { name, over } => self.future_list(name, over),
            StmtKind::Resolve { future, value } => {
                let c = self.expr(value);
                let sender = if self.local_futures.contains(future) {
                    format!("{future}_tx")
                } else {
                    ident(future)
                };
                self.line(format!("let _ = {sender}.send({});", c.owned()));
            }
            StmtKind::Serve { handler, into } => {
                self.serve(handler, into);
            }
            StmtKind::Connect { server, into, port } => {
                self.connect(server, into, *port);
            }
            StmtKind::Port { server, into } => {
                let rhs = format!("{}.port()", super::names::ident(server));
                self.assign(Some(into), &rhs);
            }
            StmtKind::Send { conn, value } => {
                self.send(conn, value);
            }
            StmtKind::Receive { conn, into, whole } => {
                self.receive(conn, into, *whole);
            }
            StmtKind::Catch {
                body,
                handlers,
                orelse,
                finally,
            } => self.catch(s, body, handlers, orelse, finally, tail),
            StmtKind::Reraise => self.reraise(tail),
            StmtKind::Raise { class, message } => {
                self.raise(class, message.as_ref(), tail);
            }
            StmtKind::Untranslated { construct, reason } => {
                let text = format!("… the translator cannot translate {construct} yet: {reason}");
                let width = 96usize.saturating_sub(4 * self.indent);
                for l in super::wrap::wrap_comment(&text, width) {
                    self.line(l);
                }
            }
            StmtKind::Close { target } => {
                self.close(target);
            }
        }
    }

    /// `spawn_blocking(...)` of a plain function's call.
    pub(super) fn blocking_job(&mut self, call: &crate::render::plan::ir::ast::Call) -> String {
        self.use_("tokio::task", "spawn_blocking");
        if call.args.is_empty() {
            return format!("spawn_blocking({})", fn_name(&call.name));
        }
        let mut c = self.call(call);
        // The closure must own what it takes: a borrowed text becomes a
        // `String` before the job starts.
        // A text read again after the job keeps its name: the job takes an
        // owned copy of its own.
        for a in &call.args {
            if let ExprKind::Var(v) = &a.kind {
                let owned = format!("{}.to_string()", ident(v));
                if c.contains(&owned) {
                    let name = if self.read_after(v, call.span.end) {
                        format!("{}_owned", ident(v))
                    } else {
                        ident(v)
                    };
                    self.line(format!("let {name} = {};", owned));
                    c = c.replace(&owned, &name);
                }
            }
        }
        // A closure that captures nothing needs no `move`.
        let mut read = Vec::new();
        call.args.iter().for_each(|a| a.variables(&mut read));
        let keyword = if read.is_empty() { "" } else { "move " };
        format!("spawn_blocking({keyword}|| {c})")
    }

    /// `into = base` + a method chain, broken as rustfmt breaks it.
    fn assign_chain(&mut self, into: Option<&str>, base: &str, calls: &[String]) {
        let into = into.filter(|n| self.used.contains(*n) || self.declared.contains(*n));
        let head = match into {
            Some(name) => self.bind(name),
            None => String::new(),
        };
        let width = 4 * self.indent + head.len() + base.len() + 1;
        if calls.is_empty() && width > 100 && !head.is_empty() {
            // rustfmt moves a long right-hand side to a line of its own.
            self.line(head.trim_end());
            self.indent += 1;
            self.line(format!("{base};"));
            self.indent -= 1;
        } else if calls.is_empty() {
            self.line(format!("{head}{base};"));
        } else {
            self.chain_line(&head, base, calls, ";");
        }
    }
}

impl Renderer<'_> {
    /// The duration of `time.sleep(x)`: a negative literal, where Python
    /// raises `ValueError`, is a negative `from_secs_f64`, which panics.
    fn blocking_sleep(&mut self, e: &crate::render::plan::ir::expr::Expr) -> String {
        match e.kind {
            ExprKind::Lit(crate::render::plan::ir::value::Value::Int(n)) if n < 0 => {
                self.use_("std::time", "Duration");
                format!("Duration::from_secs_f64({:?})", n as f64)
            }
            _ => blocking_duration(self.duration(e)),
        }
    }
}

/// The duration of `time.sleep(x)`: where `asyncio.sleep` waits no time
/// for a NaN or negative `x`, `time.sleep` raises `ValueError`, as
/// `Duration::from_secs_f64` panics, and so does a negative integer's
/// conversion.
fn blocking_duration(d: String) -> String {
    let d = d.replace(".try_into().unwrap_or(0)", ".try_into().unwrap()");
    match d.strip_prefix("Duration::try_from_secs_f64(") {
        Some(rest) => match rest.strip_suffix(").unwrap_or_default()") {
            Some(x) => format!("Duration::from_secs_f64({x})"),
            None => d,
        },
        None => d,
    }
}
