//! Type inference over call sites, literals and returns: rounds of passes
//! over every function until nothing changes.

use super::statics::STATICS;
use super::types::{Ty, Types, unify};
use crate::render::plan::ir::ast::{Block, Call, Calls, Demo, Function, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use crate::render::plan::ir::primitive::Primitive;
use crate::render::plan::ir::value::Value;
use std::collections::HashMap;

impl Types {
    pub(super) fn infer(demo: &Demo) -> Types {
        let mut t = Types::default();
        t.vars.insert(STATICS.into(), HashMap::new());
        t.generic = super::generic_fns::generic_fns(demo);
        t.narrowing = super::mixed_narrow::narrowing(demo);
        t.number_tuples = super::number_ops::number_tuple_lists(demo);
        t.number_tuples
            .extend(super::number_args::passed_number_lists(demo));
        for (name, first) in &demo.statics {
            t.statics.insert(name.clone());
            let ty = t.expr_ty(STATICS, first);
            t.set(STATICS, name, &ty);
        }
        for f in &demo.functions {
            if f.kind == FunctionKind::Coroutine {
                t.coroutines.insert(f.name.clone());
            }
            t.params
                .insert(f.name.clone(), vec![Ty::Unknown; f.params.len()]);
            t.ret.insert(f.name.clone(), Ty::Unknown);
            t.item.insert(f.name.clone(), Ty::Unknown);
            t.vars.insert(f.name.clone(), HashMap::new());
            t.enum_fields(demo, f);
            t.eq_params(f);
            let mut resolved = Vec::new();
            f.walk(&mut |s| {
                if let StmtKind::Resolve { future, .. } = &s.kind {
                    resolved.push(future.clone());
                }
            });
            resolved.extend(super::future_lists::resolved_items(f));
            for p in &f.params {
                if resolved.contains(p) {
                    t.senders.insert((f.name.clone(), p.clone()));
                }
            }
        }
        for round in 0..2 {
            t.settle(demo);
            if round == 0 {
                // A coroutine that never returns a value returns `()`, and
                // an `__anext__` that falls off its end gives `None`.
                for f in &demo.functions {
                    let ends = matches!(
                        f.body.last().map(|s| &s.kind),
                        Some(StmtKind::Return(_) | StmtKind::Stop)
                    );
                    if f.kind == FunctionKind::Iterator
                        && !ends
                        && let Some(r) = t.ret.get_mut(&f.name)
                    {
                        unify(r, &Ty::Unit);
                    }
                    if matches!(
                        f.kind,
                        FunctionKind::Coroutine | FunctionKind::Resource | FunctionKind::Blocking
                    ) && let Some(r) = t.ret.get_mut(&f.name)
                    {
                        unify(r, &Ty::Unit);
                    }
                }
            }
        }
        if t.grow_big_ints(demo) {
            t.settle(demo);
        }
        if t.number_params(demo) | t.number_lists(demo) {
            t.settle(demo);
        }
        t.type_trees(demo);
        t.owned_str_lists = super::str_lists::owned_str_lists(demo, &t);
        t.borrowed_str_lists = super::str_lists::borrowed_str_lists(demo, &t);
        t
    }

    /// Passes over every function until no type changes (at most eight).
    fn settle(&mut self, demo: &Demo) {
        for _ in 0..8 {
            let mut changed = false;
            for f in &demo.functions {
                changed |= self.pass(demo, f);
            }
            if !changed {
                break;
            }
        }
    }

    pub(super) fn pass(&mut self, demo: &Demo, f: &Function) -> bool {
        let mut changed = false;
        let params = self.params[&f.name].clone();
        {
            let vars = self.vars.get_mut(&f.name).expect("every function");
            for (p, ty) in f.params.iter().zip(&params) {
                changed |= unify(vars.entry(p.clone()).or_insert(Ty::Unknown), ty);
            }
        }
        // Fields are typed from the parameters.
        for (name, e) in &f.fields {
            let ty = self.expr_ty(&f.name, e);
            let vars = self.vars.get_mut(&f.name).expect("every function");
            changed |= unify(vars.entry(name.clone()).or_insert(Ty::Unknown), &ty);
        }
        changed |= self.share_fields(f);
        changed |= self.block(demo, f, &f.body);
        // `__aexit__`'s `return` gives `close`'s `bool`, not `open`'s value.
        let outer = std::mem::replace(&mut self.in_cleanup, true);
        changed |= self.block(demo, f, &f.exit);
        self.in_cleanup = outer;
        let vars = &self.vars[&f.name];
        let back: Vec<Ty> = f
            .params
            .iter()
            .map(|p| vars.get(p).cloned().unwrap_or(Ty::Unknown))
            .collect();
        let slots = self.params.get_mut(&f.name).expect("every function");
        for (slot, ty) in slots.iter_mut().zip(&back) {
            changed |= unify(slot, ty);
        }
        changed
    }

    pub(super) fn call(&mut self, demo: &Demo, f: &str, call: &Call, spawn: bool) -> bool {
        let mut changed = false;
        if spawn {
            changed |= self.spawned.insert(call.name.clone());
        }
        let Some(callee) = demo.function(&call.name) else {
            return changed;
        };
        if let Some(g) = self.generic.get(&call.name).copied() {
            return changed | self.generic_call(f, call, g);
        }
        for (i, arg) in call.args.iter().enumerate() {
            let ty = self.expr_ty(f, arg);
            if ty == Ty::Str && !matches!(arg.kind, ExprKind::Lit(_)) {
                changed |= self.owned_str.insert((call.name.clone(), i));
            }
            // Lists of literal strings stay `Vec<&str>` unless some caller
            // passes a list it computed.
            let borrowed_list = match &arg.kind {
                ExprKind::List(items) => items
                    .iter()
                    .all(|i| matches!(i.kind, ExprKind::Lit(Value::Str(_)))),
                ExprKind::Var(n) => demo.function(f).is_some_and(|func| {
                    func.params
                        .iter()
                        .position(|p| p == n)
                        .is_some_and(|j| !self.owned_list.contains(&(f.to_string(), j)))
                }),
                _ => false,
            };
            if ty == Ty::List(Box::new(Ty::Str)) && !borrowed_list {
                changed |= self.owned_list.insert((call.name.clone(), i));
            }
            if let Some(slot) = self.params.get_mut(&call.name).and_then(|p| p.get_mut(i)) {
                changed |= unify(slot, &ty);
                let back = slot.clone();
                if let ExprKind::Var(n) = &arg.kind {
                    changed |= self.set(f, n, &back);
                }
            }
        }
        let _ = callee;
        changed |= self.lambda_args(f, call);
        changed
    }

    pub(super) fn calls(&mut self, demo: &Demo, f: &str, calls: &Calls, spawn: bool) -> bool {
        match calls {
            Calls::List(list) => list
                .iter()
                .fold(false, |c, call| self.call(demo, f, call, spawn) | c),
            Calls::Each { call, var, over } => {
                let elem = self.expr_ty(f, over).elem();
                self.set(f, var, &elem) | self.call(demo, f, call, spawn)
            }
        }
    }

    pub(super) fn block(&mut self, demo: &Demo, f: &Function, block: &Block) -> bool {
        let mut changed = false;
        let name = f.name.as_str();
        for s in block {
            let mut awaited = Vec::new();
            for (e, _) in super::analysis::stmt_exprs(s) {
                super::expr_walk::awaited_calls(e, &mut awaited);
            }
            for call in awaited {
                changed |= self.call(demo, name, call, false);
            }
            changed |= self.value_calls(demo, name, s);
            changed |= self.param_calls(demo, name, s);
            changed |= self.item_calls(name, s);
            let mut comps = Vec::new();
            for (e, _) in super::analysis::stmt_exprs(s) {
                super::expr_walk::comprehensions(e, &mut comps);
            }
            for c in comps {
                if let ExprKind::Comp { var, over, .. } = &c.kind {
                    let ty = self.as_iterable(self.expr_ty(name, over)).elem();
                    changed |= self.set(name, var, &ty);
                }
            }
            changed |= self.bind_keys(name, s);
            changed |= self.grow_fields(name, s);
            changed |= self.grown_in_place(name, s);
            match &s.kind {
                StmtKind::Set { var, value } => {
                    let ty = self.expr_ty(name, value);
                    changed |= self.set(name, var, &ty);
                    if super::token_lists::watching_call(demo, value).is_some() {
                        changed |= self.set(name, "token", &Ty::Token);
                    }
                }
                StmtKind::SetField {
                    object,
                    field,
                    value,
                } => changed |= self.set_field_ty(name, object, field, value),
                // A return in cleanup code cannot happen in Rust's `Drop`.
                StmtKind::Return(Some(_)) if self.in_cleanup => {}
                // `__aenter__`'s `return self`: the object `as` binds.
                StmtKind::Return(Some(_)) if crate::render::plan::enters_self(f) => {}
                StmtKind::Return(Some(e)) if !super::options::is_none(e) => {
                    let ty = self.expr_ty(name, e);
                    let slot = self.ret.get_mut(name).expect("every function");
                    changed |= unify(slot, &ty);
                }
                StmtKind::Return(none) => {
                    if matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Blocking) {
                        let slot = self.ret.get_mut(name).expect("every function");
                        changed |= unify(slot, &super::options::none_ty(f));
                    } else if let Some(e) = none {
                        let ty = self.expr_ty(name, e);
                        let slot = self.ret.get_mut(name).expect("every function");
                        changed |= unify(slot, &ty);
                    }
                }
                StmtKind::Yield(e) => {
                    let ty = self.expr_ty(name, e);
                    let slot = self.item.get_mut(name).expect("every function");
                    changed |= unify(slot, &ty);
                }
                StmtKind::Await { call, into } => {
                    changed |= self.call(demo, name, call, false);
                    if let Some(v) = into {
                        let ty = self.ret_of(&call.name);
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::Make { call, into } => {
                    changed |= self.call(demo, name, call, true);
                    let ty = Ty::Coro(Box::new(self.ret_of(&call.name)));
                    changed |= self.set(name, into, &ty);
                }
                StmtKind::Spawn { call, into } => {
                    changed |= self.call(demo, name, call, true);
                    changed |= self.tasked.insert(call.name.clone());
                    let ty = Ty::Task(Box::new(self.ret_of(&call.name)));
                    changed |= self.set(name, into, &ty);
                }
                // The waiter gives nothing.
                StmtKind::SpawnWaiter { into, .. } => {
                    let ty = Ty::Task(Box::new(Ty::Unit));
                    changed |= self.set(name, into, &ty);
                }
                StmtKind::Deadline {
                    body,
                    on_timeout,
                    when,
                    expired,
                    ..
                } => {
                    if let Some(v) = expired {
                        changed |= self.set(name, v, &Ty::Bool);
                    }
                    if let Some((v, _)) = when {
                        changed |= self.set(name, v, &Ty::Float);
                    }
                    changed |= self.block(demo, f, body);
                    changed |= self.block(demo, f, on_timeout);
                }
                StmtKind::Shield { call, into } => {
                    changed |= self.call(demo, name, call, true);
                    changed |= self.tasked.insert(call.name.clone());
                    if let Some(v) = into {
                        let ty = self.ret_of(&call.name);
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::Schedule { call, into, .. } => {
                    changed |= self.call(demo, name, call, true);
                    if let Some(into) = into {
                        changed |= self.set(name, into, &Ty::Task(Box::new(Ty::Unit)));
                    }
                }
                StmtKind::GroupSpawn { call, .. } | StmtKind::LoopSpawn { call, .. } => {
                    changed |= self.call(demo, name, call, true);
                    changed |= self.tasked.insert(call.name.clone());
                }
                StmtKind::TaskGroup { body, .. }
                | StmtKind::Pool { body, .. }
                | StmtKind::Runner { body, .. }
                | StmtKind::BlockOn { body, .. } => changed |= self.block(demo, f, body),
                StmtKind::CallFn { call, into } | StmtKind::RunBlocking { call, into, .. } => {
                    let spawn = matches!(s.kind, StmtKind::RunBlocking { .. });
                    if spawn {
                        changed |= self.tasked.insert(call.name.clone());
                    }
                    changed |= self.call(demo, name, call, spawn);
                    if let Some(v) = into {
                        let ty = self.ret_of(&call.name);
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::Submit { call, into, .. } => {
                    changed |= self.call(demo, name, call, true);
                    changed |= self.tasked.insert(call.name.clone());
                    let ty = Ty::Task(Box::new(self.ret_of(&call.name)));
                    changed |= self.set(name, into, &ty);
                }
                StmtKind::TimedWait {
                    task,
                    into,
                    on_timeout,
                    ..
                } => {
                    if let Some(v) = into {
                        let ty = match &task.kind {
                            ExprKind::Var(target) => self.var(name, target).awaited(),
                            // A gather gives its list.
                            _ => self.expr_ty(name, task),
                        };
                        changed |= self.set(name, v, &ty);
                    }
                    changed |= self.block(demo, f, on_timeout);
                }
                StmtKind::Join { target, into } => {
                    if let Some(v) = into {
                        let ty = self.var(name, target).awaited();
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::Gather { calls, into } => {
                    // Children that can fail run as tasks (see `gather_failing`).
                    let failing = match calls {
                        Calls::List(list) => {
                            let fallible = crate::render::plan::ir::raises::fallible(demo);
                            list.iter().any(|c| fallible.contains(&c.name))
                        }
                        Calls::Each { .. } => false,
                    };
                    if let (true, Calls::List(list)) = (failing, calls) {
                        for c in list {
                            changed |= self.tasked.insert(c.name.clone());
                        }
                    }
                    let spawn = failing || matches!(calls, Calls::Each { .. });
                    changed |= self.calls(demo, name, calls, spawn);
                    if let Some(v) = into {
                        let ty = self.gather_ty(calls, v);
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::AsCompleted {
                    calls,
                    var,
                    body,
                    deadline,
                } => {
                    changed |= self.calls(demo, name, calls, true);
                    match calls {
                        Calls::List(list) => {
                            for c in list {
                                changed |= self.tasked.insert(c.name.clone());
                            }
                        }
                        Calls::Each { call, .. } => {
                            changed |= self.tasked.insert(call.name.clone());
                        }
                    }
                    let ty = self.calls_ret(calls);
                    changed |= self.set(name, var, &ty);
                    changed |= self.block(demo, f, body);
                    if let Some(d) = deadline {
                        changed |= self.block(demo, f, &d.on_timeout);
                    }
                }
                StmtKind::Wait {
                    calls,
                    done,
                    pending,
                    ..
                } => {
                    changed |= self.calls(demo, name, calls, true);
                    for c in match calls {
                        Calls::List(list) => list.iter().collect(),
                        Calls::Each { call, .. } => vec![call],
                    } {
                        changed |= self.tasked.insert(c.name.clone());
                    }
                    let ty = self.calls_ret(calls);
                    changed |= self.set(name, done, &Ty::List(Box::new(ty.clone())));
                    changed |= self.set(name, pending, &Ty::List(Box::new(Ty::Task(Box::new(ty)))));
                }
                StmtKind::WaitFor {
                    call,
                    into,
                    body,
                    on_timeout,
                    token,
                    ..
                } => {
                    if let Some((t, _)) = token {
                        changed |= self.set(name, t, &Ty::Token);
                    }
                    changed |= self.call(demo, name, call, false);
                    if let Some(v) = into {
                        let ty = self.ret_of(&call.name);
                        changed |= self.set(name, v, &ty);
                    }
                    changed |= self.block(demo, f, body);
                    changed |= self.block(demo, f, on_timeout);
                }
                StmtKind::AsyncFor { source, var, body } => {
                    changed |= self.call(demo, name, source, true);
                    let ty = super::generic_iters::source_item(self, demo, name, source);
                    changed |= self.set(name, var, &ty);
                    changed |= self.block(demo, f, body);
                }
                StmtKind::Collect {
                    source,
                    var,
                    value,
                    into,
                    collection,
                    ..
                } => {
                    changed |= self.call(demo, name, source, false);
                    let ty = super::generic_iters::source_item(self, demo, name, source);
                    changed |= self.set(name, var, &ty);
                    let out = match value {
                        Some(v) => self.expr_ty(name, v),
                        None => ty,
                    };
                    changed |=
                        self.set(name, into, &super::collect::collected_ty(*collection, out));
                }
                StmtKind::AsyncWith { source, var, body } => {
                    changed |= self.call(demo, name, source, false);
                    if let Some(v) = var {
                        let ty = match demo.function(&source.name) {
                            Some(r) if crate::render::plan::enters_self(r) => {
                                Ty::Object(source.name.clone())
                            }
                            _ => self.ret_of(&source.name),
                        };
                        changed |= self.set(name, v, &ty);
                    }
                    changed |= self.block(demo, f, body);
                }
                StmtKind::CompletedTasks {
                    tasks,
                    var,
                    count,
                    body,
                    deadline,
                } => {
                    let ty = self.var(name, tasks).elem().inner();
                    changed |= self.set(name, var, &ty);
                    if let Some(count) = count {
                        changed |= self.set(name, count, &Ty::Int);
                    }
                    changed |= self.block(demo, f, body);
                    if let Some(d) = deadline {
                        changed |= self.block(demo, f, &d.on_timeout);
                    }
                }
                StmtKind::For { var, over, body } => {
                    let ty = self.as_iterable(self.expr_ty(name, over)).elem();
                    changed |= self.set(name, var, &ty);
                    changed |= self.block(demo, f, body);
                    changed |= self.future_items_back(name, var, over);
                }
                StmtKind::While { body, .. } => changed |= self.block(demo, f, body),
                StmtKind::If {
                    then, otherwise, ..
                } => {
                    changed |= self.block(demo, f, then);
                    changed |= self.block(demo, f, otherwise);
                }
                StmtKind::Try {
                    body,
                    on_cancel,
                    finally,
                } => {
                    changed |= self.block(demo, f, body);
                    let outer = std::mem::replace(&mut self.in_cleanup, true);
                    changed |= self.block(demo, f, on_cancel);
                    changed |= self.block(demo, f, finally);
                    self.in_cleanup = outer;
                }
                StmtKind::Catch {
                    body,
                    handlers,
                    orelse,
                    finally,
                } => {
                    let outer = std::mem::replace(&mut self.in_cleanup, true);
                    changed |= self.block(demo, f, finally);
                    self.in_cleanup = outer;
                    changed |= self.block(demo, f, body);
                    for h in handlers {
                        if let Some(v) = &h.name {
                            changed |= self.set(name, v, &Ty::Str);
                            let class = crate::render::plan::ir::ast::class_var(v);
                            changed |= self.set(name, &class, &Ty::Str);
                            let repr = crate::render::plan::ir::ast::repr_var(v);
                            changed |= self.set(name, &repr, &Ty::Str);
                            let args = crate::render::plan::ir::ast::args_var(v);
                            changed |= self.set(name, &args, &Ty::Str);
                            let cause = crate::render::plan::ir::ast::cause_var(v);
                            changed |= self.set(name, &cause, &Ty::Str);
                            let message = crate::render::plan::ir::ast::message_var(v);
                            changed |= self.set(name, &message, &Ty::Str);
                            let parts = crate::render::plan::ir::ast::parts_var(v);
                            changed |= self.set(name, &parts, &Ty::List(Box::new(Ty::Exception)));
                            let cause_class = crate::render::plan::ir::ast::class_var(&cause);
                            changed |= self.set(name, &cause_class, &Ty::Str);
                            if let Some(s) = h
                                .classes
                                .iter()
                                .find_map(|c| super::exc_fields::variant_struct(demo, c))
                            {
                                let fields = crate::render::plan::ir::ast::fields_var(v);
                                changed |= self.set(name, &fields, &Ty::Object(s));
                            }
                        }
                        changed |= self.block(demo, f, &h.body);
                    }
                    changed |= self.block(demo, f, orelse);
                }
                StmtKind::Sync { name: v, permits } => {
                    changed |= self.set(name, v, &Ty::Sync(permits.is_none()));
                }
                StmtKind::ExitRaised {
                    name: v,
                    raised,
                    clean,
                } => {
                    use crate::render::plan::ir::ast::{args_var, class_var, repr_var};
                    for read in [v.clone(), class_var(v), repr_var(v), args_var(v)] {
                        changed |= self.set(name, &read, &Ty::Str);
                    }
                    changed |= self.block(demo, f, raised);
                    changed |= self.block(demo, f, clean);
                }
                StmtKind::Locked { body, .. }
                | StmtKind::Labeled { body, .. }
                | StmtKind::Soon(body) => changed |= self.block(demo, f, body),
                StmtKind::Future { name: fut } => {
                    changed |= self.set(name, fut, &Ty::Future(Box::new(Ty::Unknown)));
                }
                StmtKind::FutureList { name: list, .. } => {
                    let item = Ty::Future(Box::new(Ty::Unknown));
                    changed |= self.set(name, list, &Ty::List(Box::new(item)));
                }
                StmtKind::GivenNames { .. } => {}
                StmtKind::Resolve { future, value } if self.settled(name, value) => {
                    let ty = Ty::Future(Box::new(self.expr_ty(name, value)));
                    changed |= self.set(name, future, &ty);
                }
                StmtKind::Resolve { .. } => {}
                StmtKind::Serve { handler, into } => {
                    changed |= self.set(name, into, &Ty::Server);
                    if let Some(first) = self
                        .params
                        .get_mut(&handler.name)
                        .and_then(|p| p.first_mut())
                    {
                        changed |= unify(first, &Ty::Conn);
                    }
                }
                StmtKind::Connect { into, .. } => changed |= self.set(name, into, &Ty::Conn),
                StmtKind::Port { into, .. } => changed |= self.set(name, into, &Ty::Port),
                StmtKind::Receive { into, .. } => changed |= self.set(name, into, &Ty::Str),
                StmtKind::Primitive { name: v, made } => {
                    let ty = match made {
                        Primitive::Event => Ty::Event,
                        Primitive::Queue { .. } => Ty::Queue(Box::new(Ty::Unknown)),
                        Primitive::Barrier { .. } => Ty::Barrier,
                        Primitive::Condition => Ty::Condition,
                        Primitive::Token => Ty::Token,
                    };
                    changed |= self.set(name, v, &ty);
                }
                StmtKind::PrimCall {
                    object,
                    op,
                    arg,
                    into,
                } => {
                    if let (true, Some(a)) = (op.sends(), arg) {
                        let item = match a.kind {
                            ExprKind::Lit(Value::None) => Ty::Option(Box::new(Ty::Unknown)),
                            _ => self.expr_ty(name, a),
                        };
                        let ty = Ty::Queue(Box::new(item));
                        changed |= self.set(name, object, &ty);
                    }
                    if let Some(v) = into {
                        let e = Expr {
                            kind: ExprKind::Prim(object.clone(), *op),
                            span: 0..0,
                        };
                        // A sentinel's test takes the item out of its `Option`.
                        let ty = match self.expr_ty(name, &e) {
                            Ty::Option(t) => *t,
                            t => t,
                        };
                        changed |= self.set(name, v, &ty);
                    }
                }
                StmtKind::Print(_)
                | StmtKind::Eprint(_)
                | StmtKind::Note(_)
                | StmtKind::Sleep(_)
                | StmtKind::Block(_)
                | StmtKind::Compute(_)
                | StmtKind::Cancel { .. }
                | StmtKind::CancelItem(_)
                | StmtKind::AbortAll { .. }
                | StmtKind::CancelPending(_)
                | StmtKind::Send { .. }
                | StmtKind::Close { .. }
                | StmtKind::Runtime { .. }
                | StmtKind::RunForever { .. }
                | StmtKind::StopLoop
                | StmtKind::KeepLast { .. }
                | StmtKind::Untranslated { .. }
                | StmtKind::Raise { .. }
                | StmtKind::RaiseValue(_)
                | StmtKind::Reraise
                | StmtKind::Stop
                | StmtKind::Break(_)
                | StmtKind::Continue => {}
            }
        }
        changed
    }
}
