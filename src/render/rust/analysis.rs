//! Questions about the whole plan asked before rendering: which futures
//! are shared, what a statement calls and reads, which locals change in
//! place (which ones are durations: `durations`).

use super::expr_walk::{each_block_expr, each_expr, each_program_expr};
use super::types::Types;
use crate::render::plan::ir::ast::{Block, Call, Calls, Demo, FunctionKind, Stmt, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, StrMethod, TaskOp};
use crate::render::plan::ir::primitive::Primitive;
use std::collections::{HashMap, HashSet};

/// The calls a statement makes itself (not those of nested blocks).
pub(super) fn stmt_calls(s: &Stmt) -> Vec<&Call> {
    match &s.kind {
        StmtKind::Await { call, .. }
        | StmtKind::Make { call, .. }
        | StmtKind::Spawn { call, .. }
        | StmtKind::GroupSpawn { call, .. }
        | StmtKind::LoopSpawn { call, .. }
        | StmtKind::CallFn { call, .. }
        | StmtKind::Submit { call, .. }
        | StmtKind::RunBlocking { call, .. }
        | StmtKind::WaitFor { call, .. }
        | StmtKind::Schedule { call, .. }
        | StmtKind::Shield { call, .. } => vec![call],
        StmtKind::AsyncFor { source, .. }
        | StmtKind::AsyncWith { source, .. }
        | StmtKind::Collect { source, .. } => vec![source],
        StmtKind::Gather { calls, .. }
        | StmtKind::AsCompleted { calls, .. }
        | StmtKind::Wait { calls, .. } => match calls {
            Calls::List(list) => list.iter().collect(),
            Calls::Each { call, .. } => vec![call],
        },
        _ => Vec::new(),
    }
}

/// Futures (and the parameters they are passed to) awaited in more than one
/// place: a oneshot receiver has one owner, so these become `Shared`.
pub(super) fn shared_futures(demo: &Demo, types: &Types) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        let mut futures = Vec::new();
        crate::render::plan::ir::ast::walk(&f.body, &mut |s| {
            if let StmtKind::Future { name } = &s.kind {
                futures.push(name.clone());
            }
        });
        for fut in futures {
            let mut uses = 0;
            let mut params = Vec::new();
            crate::render::plan::ir::ast::walk(&f.body, &mut |s| {
                if let StmtKind::Join { target, .. } = &s.kind
                    && *target == fut
                {
                    uses += 1;
                }
                let mut calls: Vec<(&Call, u32)> =
                    stmt_calls(s).into_iter().map(|c| (c, 1)).collect();
                for (e, _) in stmt_exprs(s) {
                    calls.extend(super::wait::future_uses(e, &fut, &mut uses));
                }
                for (call, n) in calls {
                    let Some(callee) = demo.function(&call.name) else {
                        continue;
                    };
                    for (arg, p) in call.args.iter().zip(&callee.params) {
                        if matches!(&arg.kind, ExprKind::Var(n) if *n == fut)
                            && !types.senders.contains(&(call.name.clone(), p.clone()))
                        {
                            uses += n;
                            params.push((call.name.clone(), p.clone()));
                        }
                    }
                }
            });
            if uses > 1 {
                out.insert((f.name.clone(), fut));
                out.extend(params);
            }
        }
    }
    out
}

/// Every expression of a statement (not of nested blocks), with whether
/// it stands where a duration is expected.
pub(super) fn stmt_exprs(s: &Stmt) -> Vec<(&Expr, bool)> {
    let mut out: Vec<(&Expr, bool)> = Vec::new();
    match &s.kind {
        StmtKind::Print(t) | StmtKind::Eprint(t) => {
            for part in &t.parts {
                match part {
                    // A hole that is just the name prints the same for u64.
                    Part::Hole(e) => out.push((e, matches!(e.kind, ExprKind::Var(_)))),
                    Part::Spec(e, spec) => {
                        out.push((e, false));
                        out.extend(spec.nested.iter().map(|n| (n, false)));
                    }
                    Part::Text(_) => {}
                }
            }
        }
        StmtKind::Sleep(e) | StmtKind::Block(e) | StmtKind::Compute(e) => out.push((e, true)),
        StmtKind::CancelItem(e) => out.push((e, false)),
        StmtKind::WaitFor { timeout, .. }
        | StmtKind::Wait {
            timeout: Some(timeout),
            ..
        }
        | StmtKind::Schedule {
            delay: Some(timeout),
            ..
        }
        | StmtKind::Deadline {
            delay: Some(timeout),
            when: None,
            ..
        } => out.push((timeout, true)),
        StmtKind::Deadline { delay, when, .. } => {
            out.extend(delay.iter().map(|d| (d, true)));
            out.extend(when.iter().map(|(_, w)| (w, false)));
        }
        StmtKind::AsCompleted {
            deadline: Some(d), ..
        }
        | StmtKind::CompletedTasks {
            deadline: Some(d), ..
        } => out.push((&d.seconds, true)),
        StmtKind::TimedWait { task, timeout, .. } => {
            out.push((task, false));
            out.push((timeout, true));
        }
        StmtKind::Return(Some(e))
        | StmtKind::Yield(e)
        | StmtKind::RaiseValue(e)
        | StmtKind::Raise {
            message: Some(e), ..
        } => out.push((e, false)),
        StmtKind::Collect { value, filter, .. } => {
            out.extend(value.iter().chain(filter.iter()).map(|e| (e, false)));
        }
        StmtKind::For { over, .. } => out.push((over, false)),
        StmtKind::While { cond, .. } | StmtKind::If { cond, .. } => out.push((cond, false)),
        StmtKind::Sync {
            permits: Some(e), ..
        } => out.push((e, false)),
        StmtKind::SetField { object, value, .. } => {
            out.push((object, false));
            out.push((value, false));
        }
        StmtKind::Set { value, .. }
        | StmtKind::GivenNames { names: value, .. }
        | StmtKind::Resolve { value, .. }
        | StmtKind::FutureList { over: value, .. }
        | StmtKind::Send { value, .. }
        | StmtKind::PrimCall {
            arg: Some(value), ..
        } => out.push((value, false)),
        StmtKind::Primitive {
            made: Primitive::Queue {
                maxsize: Some(e), ..
            },
            ..
        } => out.push((e, false)),
        StmtKind::Gather {
            calls: Calls::Each { over, .. },
            ..
        }
        | StmtKind::AsCompleted {
            calls: Calls::Each { over, .. },
            ..
        }
        | StmtKind::Wait {
            calls: Calls::Each { over, .. },
            ..
        } => out.push((over, false)),
        _ => {}
    }
    for call in stmt_calls(s) {
        out.extend(call.args.iter().map(|a| (a, false)));
    }
    out
}

/// The operands of a chain of string `+`, in order.
pub(super) fn str_leaves<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Binary(BinaryOp::Add, a, b) => {
            str_leaves(a, out);
            str_leaves(b, out);
        }
        _ => out.push(e),
    }
}

/// The variables a block (nested blocks included) assigns.
pub(super) fn assigned_in(block: &Block) -> HashSet<String> {
    let mut out = HashSet::new();
    walk(block, &mut |s| out.extend(binds(s).cloned()));
    out
}

/// The variable a statement itself assigns.
pub(super) fn binds(s: &Stmt) -> Option<&String> {
    match &s.kind {
        StmtKind::Set { var, .. } => Some(var),
        StmtKind::Await { into: Some(v), .. }
        | StmtKind::Join { into: Some(v), .. }
        | StmtKind::Gather { into: Some(v), .. }
        | StmtKind::WaitFor { into: Some(v), .. }
        | StmtKind::TimedWait { into: Some(v), .. }
        | StmtKind::CallFn { into: Some(v), .. }
        | StmtKind::Shield { into: Some(v), .. }
        | StmtKind::RunBlocking { into: Some(v), .. } => Some(v),
        StmtKind::Collect { into, .. }
        | StmtKind::Receive { into, .. }
        | StmtKind::Port { into, .. }
        | StmtKind::Submit { into, .. } => Some(into),
        _ => None,
    }
}

/// The variables a block (nested blocks included) reads.
pub(super) fn read_in(block: &Block) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    walk(block, &mut |s| {
        let mut vars = Vec::new();
        for (e, _) in stmt_exprs(s) {
            e.variables(&mut vars);
        }
        for (v, _) in vars {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    });
    out
}

/// Coroutines whose body is one `async with` over a resource made from
/// literals, awaited only through `wait_for`: the caller owns the resource
/// and closes it after the timeout, as a dropped future runs no async
/// cleanup. Each maps to the call that makes the resource.
pub(super) fn caller_closes(demo: &Demo) -> HashMap<String, Call> {
    let mut out = HashMap::new();
    for f in &demo.functions {
        let [with] = f.body.as_slice() else {
            continue;
        };
        let StmtKind::AsyncWith { source, .. } = &with.kind else {
            continue;
        };
        let mut vars = Vec::new();
        for a in &source.args {
            a.variables(&mut vars);
        }
        // A `close` that sees the exception is called where the block ends.
        let resource = demo.function(&source.name).is_some_and(|r| {
            r.kind == FunctionKind::Resource
                && !demo.plain_managers.contains(&r.name)
                && super::resource_exit::exit_param(r).is_none()
                && !super::resource_exit::swallows(r)
        });
        if f.kind != FunctionKind::Coroutine
            || f.name == demo.entry
            || !resource
            || !vars.is_empty()
        {
            continue;
        }
        let (mut timed, mut other) = (0, 0);
        for g in &demo.functions {
            g.walk(&mut |s| {
                for call in stmt_calls(s) {
                    if call.name == f.name {
                        match s.kind {
                            StmtKind::WaitFor { .. } => timed += 1,
                            _ => other += 1,
                        }
                    }
                }
            });
        }
        if timed > 0 && other == 0 {
            out.insert(f.name.clone(), source.clone());
        }
    }
    out
}

/// Whether an expression of the demo reads the event loop's clock.
pub(super) fn reads_clock(demo: &Demo) -> bool {
    let mut found = false;
    each_program_expr(demo, &mut |x| found |= matches!(x.kind, ExprKind::Now));
    found
}

/// Whether `block` awaits the task `var` (a `JoinHandle` is awaited
/// through `&mut` when it is an item of a list).
pub(super) fn joins(block: &Block, var: &str) -> bool {
    let mut found = false;
    walk(block, &mut |s| {
        found |= matches!(&s.kind, StmtKind::Join { target, .. } if target == var);
    });
    each_block_expr(block, &mut |x| {
        found |= matches!(&x.kind, ExprKind::Join(t) if t == var);
    });
    found
}

/// The names a loop's pattern (`t`, `(name, t)`) binds.
pub(super) fn pattern_names(var: &str) -> impl Iterator<Item = &str> {
    var.split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .filter(|n| !n.is_empty())
}

/// The task of `try: await t / except CancelledError: ...` whose handler
/// reads `t` again (or `t.done()`, `t.cancelled()` of the function `whole`): the
/// handle is awaited through `&mut`, so it is still there.
pub(super) fn joined_then_read<'a>(
    body: &'a Block,
    on_cancel: &Block,
    whole: &Block,
) -> Option<&'a str> {
    let [join] = body.as_slice() else {
        return None;
    };
    let StmtKind::Join { target, into: None } = &join.kind else {
        return None;
    };
    let mut read = false;
    each_block_expr(on_cancel, &mut |x| {
        read |= matches!(&x.kind, ExprKind::Var(n) | ExprKind::Cancelled(n) if n == target);
        // `t.get_name()` in the handler.
        read |= matches!(&x.kind, ExprKind::Task(TaskOp::Name(_), n) if n == target);
    });
    // `t.done()` or `t.cancelled()` anywhere else.
    each_block_expr(whole, &mut |x| {
        read |= matches!(&x.kind, ExprKind::Cancelled(n) | ExprKind::Done(n) if n == target);
    });
    read.then_some(target.as_str())
}

/// The variable a `for` loop goes over: a list, or a dict's `values()`
/// or `items()`.
fn looped_var(over: &Expr) -> Option<&String> {
    match &over.kind {
        ExprKind::Var(list) => Some(list),
        ExprKind::StrMethod(StrMethod::Values | StrMethod::Items, dict, args)
            if args.is_empty() =>
        {
            match &dict.kind {
                ExprKind::Var(dict) => Some(dict),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The local lists a function changes in place (`xs.append(x)`, or awaits
/// the tasks of in a `for` loop): they are `let mut`.
pub(super) fn mutated_lists(block: &Block) -> Vec<String> {
    let mut out = super::gathered_tasks::gathered_then_read(block);
    walk(block, &mut |s| {
        if let StmtKind::CompletedTasks { tasks, .. } = &s.kind {
            out.push(tasks.clone());
        }
        // A mixed gather awaits its tasks through `&mut`.
        if let StmtKind::Set { value, .. } = &s.kind {
            out.extend(super::gather_mixed::gathered_tasks(value).map(String::from));
        }
        if let StmtKind::For { var, over, body } = &s.kind
            && let Some(list) = looped_var(over)
            && pattern_names(var).any(|n| joins(body, n))
        {
            out.push(list.clone());
        }
        if let StmtKind::Join { target, .. } = &s.kind
            && super::task_state::state_read(block, target)
            && !loop_var(block, target)
            && !super::shared_handle::shared_in(block, target)
        {
            out.push(target.clone());
        }
        if let StmtKind::Try {
            body, on_cancel, ..
        } = &s.kind
            && let Some(task) = joined_then_read(body, on_cancel, block)
        {
            out.push(task.to_string());
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if let ExprKind::StrMethod(m, obj, _) = &x.kind
                    && m.mutates()
                {
                    // An item of an item (`grid[1][0] = ...`) changes the outer list.
                    let mut obj = &**obj;
                    loop {
                        obj = match &obj.kind {
                            ExprKind::Call(Builtin::Index, args)
                                if let Some(inner) = args.first() =>
                            {
                                inner
                            }
                            // `d.setdefault(k, []).append(x)` changes `d`.
                            ExprKind::StrMethod(StrMethod::SetDefault, inner, _) => inner,
                            _ => break,
                        };
                    }
                    if let ExprKind::Var(n) = &obj.kind {
                        out.push(n.clone());
                    }
                }
                // `task.result()` awaits the handle through `&mut`.
                if let ExprKind::Task(TaskOp::Result | TaskOp::ResultNow, n) = &x.kind {
                    out.push(n.clone());
                }
                if let ExprKind::Join(n) | ExprKind::Task(TaskOp::ExceptionRepr, n) = &x.kind
                    && super::task_state::state_read(block, n)
                    && !super::shared_handle::shared_in(block, n)
                    && !loop_var(block, n)
                {
                    out.push(n.clone());
                }
            });
        }
        if let StmtKind::TimedWait { task, abort, .. } = &s.kind {
            each_expr(task, &mut |x| {
                // `wait_for` awaits the handle through `&mut` (a shared
                // handle, through a clone).
                if let ExprKind::Var(n) = &x.kind
                    && (*abort || !super::shared_handle::shared_in(block, n))
                {
                    out.push(n.clone());
                }
            });
        }
    });
    out
}

/// Whether `name` is the variable (or a name of the pattern) of a `for`
/// loop in `block`.
pub(super) fn loop_var(block: &Block, name: &str) -> bool {
    let mut found = false;
    walk(block, &mut |s| {
        found |=
            matches!(&s.kind, StmtKind::For { var, .. } if pattern_names(var).any(|n| n == name));
    });
    found
}

/// The variables that the statements of `f` outside `body` (one of its
/// blocks) read or bind.
pub(super) fn used_outside(
    f: &crate::render::plan::ir::ast::Function,
    body: &Block,
) -> HashSet<String> {
    let mut inside = HashSet::new();
    walk(body, &mut |s| {
        inside.insert(s.id);
    });
    let mut out = HashSet::new();
    f.walk(&mut |s| {
        if inside.contains(&s.id) {
            return;
        }
        let mut vars = Vec::new();
        for (e, _) in stmt_exprs(s) {
            e.variables(&mut vars);
        }
        out.extend(vars.into_iter().map(|(v, _)| v));
        if let Some(v) = super::durations::binds(s) {
            out.insert(v.clone());
        }
        if let StmtKind::Set { var, .. } = &s.kind {
            out.insert(var.clone());
        }
    });
    out
}
