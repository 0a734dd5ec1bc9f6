//! An assignment's plan statement (`x = ...`, `a, b = ...`): which shape
//! its value has, a task, a primitive, a call's result, a plain value.

use super::scope::Scope;
use super::sem_permits::SyncKind;
use super::stmt::{Step, local_name, method_call, one, one_arg};
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Module, StmtKind as P, Target};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use crate::render::plan::ir::expr::Expr;
use crate::render::plan::ir::value::Value;

impl Planner<'_> {
    /// The plan statement of the assignment `rest[0]` of `value` to
    /// `targets`, and how many statements of `rest` it takes.
    pub(super) fn assign(
        &self,
        sc: &mut Scope,
        rest: &[py::Stmt],
        targets: &[Target],
        value: &py::Expr,
    ) -> Result<Step> {
        let s = &rest[0];
        if self.logger_binding(s) || self.local_logger(sc, s).is_some() {
            return Ok((None, 1));
        }
        if let [Target::Name(_)] = targets {
            self.refuse_kept_iterator(value)?;
        }
        let [target] = targets else {
            return self.chained_assign(sc, rest, targets, value);
        };
        self.kept_generator(target, value, &rest[1..])?;
        if let Some(k) = self.set_field(sc, target, None, value)? {
            return one(s, k);
        }
        if let Target::Unpack(items, None) = target
            && let Some(conn) = self.connect(sc, items, value)?
        {
            if let StmtKind::Connect { into, .. } = &conn {
                sc.streams.extend(super::streams::stream_names(into));
            }
            return one(s, conn);
        }
        if let Some(step) = self.wait_stmt(sc, rest, target, value)? {
            return Ok(step);
        }
        if let Some(step) = self.named_task_list(sc, rest, target, value)? {
            return Ok(step);
        }
        self.note_task_list(sc, target, value);
        self.note_task_numbers(sc, s, target, value);
        // A list of tasks that `asyncio.as_completed` takes right after.
        if let Some(calls) = self.completed_list(sc, value)?
            && let Some(
                next @ py::Stmt {
                    kind:
                        P::For {
                            is_async: false,
                            target: for_target,
                            iter,
                            orelse,
                            ..
                        },
                    ..
                },
            ) = rest.get(1)
            && orelse.is_empty()
            && let Some(completed) = self.completed(for_target, iter)
            && let (Some(list), Target::Name(n)) =
                (one_arg(completed.args).and_then(local_name), target)
            && list == &**n.ident()
            && let P::For { body, .. } = &next.kind
            && !self.mentions(body.iter().chain(&rest[2..]), list)
        {
            return Ok((Some(self.as_completed(sc, s, next, calls)?), 2));
        }
        if let Some(step) = self.group_task(sc, s, target, value)? {
            return Ok(step);
        }
        if let Some(k) = self.star_unpack(sc, target, value, &s.span)? {
            return one(s, k);
        }
        if let Target::Unpack(..) = target {
            return one(s, self.unpack(sc, target, value, &s.span)?);
        }
        if let Target::Subscript(obj, index) = target {
            return one(s, self.set_item(sc, obj, index, None, value)?);
        }
        let var = self.target(sc, target, &s.span)?;
        self.threadsafe_overwrite(sc, &var, value)?;
        if let Some(step) = self.server_port(sc, s, &var, value)? {
            return Ok(step);
        }
        self.sentinel_get(value, &var, rest.get(1))?;
        if let Some(conn) = self.receive_whole(sc, value)? {
            sc.lines.push(var.clone());
            let whole = true;
            return one(
                s,
                StmtKind::Receive {
                    conn,
                    into: var,
                    whole,
                },
            );
        }
        if let Some(k) = self.future_list(sc, &var, value)? {
            return one(s, k);
        }
        let kind = match &value.kind {
            E::Await(inner) => match self.wait_for_raising(sc, s, inner, Some(var.clone()))? {
                Some(k) => k,
                None => self.awaited(sc, inner, Some(var))?,
            },
            E::Comprehension(c)
                if c.is_async
                    && let Some(k) = self.awaiting_comp(sc, value, c, &var)? =>
            {
                k
            }
            E::Comprehension(c) if c.is_async => self.collect(sc, value, c, var)?,
            E::Call(f, args) => {
                if let Some(made) = self.primitive_new(sc, &var, value)? {
                    return one(s, made);
                }
                if let Some(call) = self.prim_stmt(sc, value, false, Some(var.clone()))? {
                    return one(s, call);
                }
                if let Some(k) = self.callback(sc, value, Some(var.clone()))? {
                    return one(s, k);
                }
                if let Some(k) = self.new_loop(sc, &var, value) {
                    return one(s, k);
                }
                if let Some(k) = self.threadsafe_spawn(sc, &var, value)? {
                    return one(s, k);
                }
                if let Some(k) = self.threadsafe_timed(sc, value, Some(var.clone()))? {
                    return one(s, k);
                }
                if let Some(k) = self.run_on_loop(sc, s, value, Some(var.clone()))? {
                    return one(s, k);
                }
                if self.is_member(f, Module::Asyncio, "get_running_loop") && args.is_empty() {
                    sc.loops.push(var);
                    return Ok((None, 1));
                }
                if let Some(kind) = self.sync_made(f, args) {
                    let lock = kind == SyncKind::Lock;
                    let permits = match (kind, args.as_slice()) {
                        (SyncKind::Bounded(n), _) => Some(Expr::lit(Value::Int(n))),
                        (_, []) if lock => None,
                        (_, []) => Some(Expr::lit(Value::Int(1))),
                        (_, [Arg::Positional(n)]) if !lock => Some(self.expr(sc, n)?),
                        _ => {
                            return refuse(
                                &value.span,
                                "these arguments",
                                "the Rust listing translates `asyncio.Semaphore(n)`, \
                                 `asyncio.BoundedSemaphore(n)` of a whole number written in \
                                 the program, and `asyncio.Lock()`",
                            );
                        }
                    };
                    sc.syncs.push(var.clone());
                    sc.sync_kinds.insert(var.clone(), kind);
                    return one(s, StmtKind::Sync { name: var, permits });
                }
                if self.is_member(f, Module::Asyncio, "create_task")
                    && let Some(k) = self.waiter_spawn(sc, &var, args)?
                {
                    return one(s, k);
                }
                if self.is_member(f, Module::Asyncio, "create_task") {
                    let call = match self.named_task(sc, &var, args) {
                        Some(c) => self.spawn_call(sc, &var, c)?,
                        None => None,
                    };
                    let Some(call) = call else {
                        return refuse(
                            &value.span,
                            "this `asyncio.create_task`",
                            "the Rust listing spawns one call of a coroutine of the program: \
                             `asyncio.create_task(f(...))`, or with `name=\"...\"`",
                        );
                    };
                    sc.tasks.push(var.clone());
                    sc.task_depths.insert(var.clone(), sc.depth);
                    self.note_task_number(sc, s, &var, args);
                    return one(s, StmtKind::Spawn { call, into: var });
                }
                if let Some(k) = self.job_future(sc, &var, value)? {
                    return one(s, k);
                }
                if let Some(obj) = method_call(value, "create_future")
                    && (self.is_member_call(obj, "get_running_loop")
                        || local_name(obj).is_some_and(|l| sc.loops.iter().any(|x| x == l)))
                {
                    sc.made_future(&var);
                    if self.future_only_resolved(&var) {
                        let note = format!(
                            "Nothing awaits or reads `{var}`: no channel; resolving it only \
                             runs its done callbacks."
                        );
                        sc.unread_futures.push(var);
                        return one(s, StmtKind::Note(note));
                    }
                    return one(s, StmtKind::Future { name: var });
                }
                if let Some(k) = self.kept_submit(sc, &var, value)? {
                    return one(s, k);
                }
                if let Some(job) = self.executor_job(sc, value)? {
                    if job.to_thread {
                        return refuse(
                            &value.span,
                            "an `asyncio.to_thread` not awaited at once",
                            "it is a coroutine that starts its job only when awaited: the Rust \
                             listing translates `await asyncio.to_thread(f, ...)`, or \
                             `loop.run_in_executor`, whose job starts at once",
                        );
                    }
                    let (call, pool) = (job.call, job.pool);
                    sc.jobs.push(var.clone());
                    return one(
                        s,
                        StmtKind::Submit {
                            call,
                            into: var,
                            pool,
                        },
                    );
                }
                if let Some(call) = self.blocking_call(sc, value)? {
                    return one(
                        s,
                        StmtKind::CallFn {
                            call,
                            into: Some(var),
                        },
                    );
                }
                if let Some(conn) = self.receive(sc, value)? {
                    return one(
                        s,
                        StmtKind::Receive {
                            conn,
                            into: var,
                            whole: false,
                        },
                    );
                }
                if let Some(kind) = self.kept_stream(sc, rest, &var, value)? {
                    return one(s, kind);
                }
                match self.user_call(sc, value, &[FunctionKind::Coroutine])? {
                    Some(call) => StmtKind::Make { call, into: var },
                    None => StmtKind::Set {
                        value: self.expr(sc, value)?,
                        var,
                    },
                }
            }
            _ => StmtKind::Set {
                value: self.expr(sc, value)?,
                var,
            },
        };
        one(s, kind)
    }
}
