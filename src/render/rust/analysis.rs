//! Questions about the whole plan asked before rendering: which futures
//! are shared, which parameters are whole seconds, what a statement calls.

use super::types::Types;
use crate::render::plan::ir::ast::{
    Block, Call, Calls, Demo, Function, FunctionKind, Stmt, StmtKind, walk,
};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, StrMethod, TaskOp};
use crate::render::plan::ir::primitive::Primitive;
use crate::render::plan::ir::value::Value;
use std::collections::{HashMap, HashSet};

/// The calls a statement makes itself (not those of nested blocks).
pub(super) fn stmt_calls(s: &Stmt) -> Vec<&Call> {
    match &s.kind {
        StmtKind::Await { call, .. }
        | StmtKind::Make { call, .. }
        | StmtKind::Spawn { call, .. }
        | StmtKind::GroupSpawn { call, .. }
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
        | StmtKind::Deadline { delay: timeout, .. } => out.push((timeout, true)),
        StmtKind::TimedWait { task, timeout, .. } => {
            out.push((task, false));
            out.push((timeout, true));
        }
        StmtKind::Return(Some(e))
        | StmtKind::Yield(e)
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
        | StmtKind::Resolve { value, .. }
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

/// How a `Duration` parameter prints where Python prints its number of
/// seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Seconds {
    /// Every caller passes a whole number of seconds: `d.as_secs()`.
    Whole,
    /// Every caller passes a float: `d.as_secs_f64()`, printed with `{:?}`.
    Float,
}

/// Parameters used only as durations (and printed as they are), given only
/// non-negative number literals, or passed on whole to another such
/// parameter: they become `Duration` parameters.
pub(super) fn duration_params(demo: &Demo) -> HashMap<(String, String), Seconds> {
    let mut candidates: HashSet<(String, String)> = HashSet::new();
    // (function, parameter) passed on whole to (callee, parameter).
    let mut links: Vec<((String, String), (String, String))> = Vec::new();
    for f in &demo.functions {
        if !matches!(
            f.kind,
            FunctionKind::Coroutine | FunctionKind::Generator | FunctionKind::Blocking
        ) {
            continue;
        }
        for p in &f.params {
            let (mut total, mut as_duration, mut printed, mut passed) = (0, 0, 0, 0);
            let mut assigned = false;
            let mut targets = Vec::new();
            walk(&f.body, &mut |s| {
                if let StmtKind::Set { var, .. } = &s.kind {
                    assigned |= var == p;
                }
                for call in stmt_calls(s) {
                    let Some(callee) = demo.function(&call.name) else {
                        continue;
                    };
                    for (a, q) in call.args.iter().zip(&callee.params) {
                        if matches!(&a.kind, ExprKind::Var(v) if v == p) {
                            passed += 1;
                            targets.push((call.name.clone(), q.clone()));
                        }
                    }
                }
                let duration_stmt = matches!(
                    s.kind,
                    StmtKind::Sleep(_)
                        | StmtKind::Block(_)
                        | StmtKind::Compute(_)
                        | StmtKind::WaitFor { .. }
                );
                let print = matches!(s.kind, StmtKind::Print(_));
                for (e, at_duration) in stmt_exprs(s) {
                    let mut vars = Vec::new();
                    e.variables(&mut vars);
                    total += vars.iter().filter(|(v, _)| v == p).count();
                    let whole = matches!(&e.kind, ExprKind::Var(v) if v == p);
                    if at_duration && duration_stmt && whole {
                        as_duration += 1;
                    } else if print && whole {
                        printed += 1;
                    } else {
                        printed += holes_of(e, p);
                    }
                }
            });
            if !assigned
                && as_duration + passed > 0
                && total == as_duration + printed + passed
                && targets.len() == passed
            {
                let key = (f.name.clone(), p.clone());
                candidates.insert(key.clone());
                links.extend(targets.into_iter().map(|t| (key.clone(), t)));
            }
        }
    }
    // Every call must pass a non-negative number literal or a candidate;
    // what a candidate is given flows on to where it is passed.
    let mut kinds: HashMap<(String, String), (bool, bool)> = HashMap::new();
    let mut given: Vec<((String, String), (String, String))> = Vec::new();
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                for call in stmt_calls(s) {
                    let Some(callee) = demo.function(&call.name) else {
                        continue;
                    };
                    for (i, p) in callee.params.iter().enumerate() {
                        let key = (call.name.clone(), p.clone());
                        let seen = kinds.entry(key.clone()).or_default();
                        match call.args.get(i).map(|a| &a.kind) {
                            Some(ExprKind::Lit(Value::Int(n))) if *n >= 0 => seen.0 = true,
                            Some(ExprKind::Lit(Value::Float(x))) if *x >= 0.0 => seen.1 = true,
                            Some(ExprKind::Var(v)) => {
                                given.push(((f.name.clone(), v.clone()), key))
                            }
                            _ => {
                                candidates.remove(&key);
                            }
                        }
                    }
                }
            });
        }
    }
    loop {
        let before = (candidates.len(), kinds.clone());
        for (from, to) in links.iter().chain(&given) {
            if !candidates.contains(from) || !candidates.contains(to) {
                candidates.remove(from);
                candidates.remove(to);
            }
        }
        for (from, to) in &given {
            let k = kinds.get(from).copied().unwrap_or_default();
            let seen = kinds.entry(to.clone()).or_default();
            seen.0 |= k.0;
            seen.1 |= k.1;
        }
        if (candidates.len(), &kinds) == (before.0, &before.1) {
            break;
        }
    }
    candidates
        .into_iter()
        .filter_map(|key| {
            let printed = demo
                .function(&key.0)
                .is_some_and(|f| print_holes(f, &key.1) > 0 || template_holes(f, &key.1) > 0);
            match kinds.get(&key).copied().unwrap_or_default() {
                (true, false) => Some((key, Seconds::Whole)),
                (false, true) => Some((key, Seconds::Float)),
                // Python prints `1` and `0.5`: one Rust format cannot.
                (true, true) if printed => None,
                (true, true) => Some((key, Seconds::Float)),
                (false, false) => None,
            }
        })
        .collect()
}

/// How often `p` is a whole hole (`{p}`) of a template inside `e`.
fn holes_of(e: &Expr, p: &str) -> usize {
    match &e.kind {
        ExprKind::Template(t) => t
            .parts
            .iter()
            .map(|part| match part {
                Part::Hole(h) if matches!(&h.kind, ExprKind::Var(v) if v == p) => 1,
                Part::Hole(h) | Part::Spec(h, _) => holes_of(h, p),
                Part::Text(_) => 0,
            })
            .sum(),
        ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => holes_of(a, p) + holes_of(b, p),
        ExprKind::Unary(_, x) => holes_of(x, p),
        ExprKind::IfElse(c, a, b) => holes_of(c, p) + holes_of(a, p) + holes_of(b, p),
        ExprKind::Await(call)
        | ExprKind::Spawn(call)
        | ExprKind::Job(call, _)
        | ExprKind::Coro(call) => call.args.iter().map(|i| holes_of(i, p)).sum(),
        ExprKind::GatherAll(x)
        | ExprKind::Outcomes(x)
        | ExprKind::Flat(x)
        | ExprKind::Field(x, _) => holes_of(x, p),
        ExprKind::New(call) => call.args.iter().map(|i| holes_of(i, p)).sum(),
        ExprKind::Method(x, call) => {
            holes_of(x, p) + call.args.iter().map(|i| holes_of(i, p)).sum::<usize>()
        }
        ExprKind::Lambda(l) => holes_of(&l.body, p),
        ExprKind::StrMethod(_, x, args) => {
            holes_of(x, p) + args.iter().map(|i| holes_of(i, p)).sum::<usize>()
        }
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            holes_of(value, p) + holes_of(over, p) + filter.as_deref().map_or(0, |f| holes_of(f, p))
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
            items.iter().map(|i| holes_of(i, p)).sum()
        }
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::Done(_)
        | ExprKind::Cancelled(_)
        | ExprKind::Join(_)
        | ExprKind::Task(..)
        | ExprKind::Locked(_)
        | ExprKind::Prim(..)
        | ExprKind::Now => 0,
    }
}

/// How often a `print` of `f` has `p` as a whole hole.
fn print_holes(f: &Function, p: &str) -> usize {
    let mut n = 0;
    walk(&f.body, &mut |s| {
        if let StmtKind::Print(t) = &s.kind {
            n += t
                .parts
                .iter()
                .filter(|part| matches!(part, Part::Hole(h) if matches!(&h.kind, ExprKind::Var(v) if v == p)))
                .count();
        }
    });
    n
}

/// How often a template in `f` (outside prints) has `p` as a whole hole.
fn template_holes(f: &Function, p: &str) -> usize {
    let mut n = 0;
    walk(&f.body, &mut |s| {
        if !matches!(s.kind, StmtKind::Print(_)) {
            for (e, _) in stmt_exprs(s) {
                n += holes_of(e, p);
            }
        }
    });
    n
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
    walk(block, &mut |s| {
        let name = match &s.kind {
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
            | StmtKind::Submit { into, .. } => Some(into),
            _ => None,
        };
        out.extend(name.cloned());
    });
    out
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
        let resource = demo
            .function(&source.name)
            .is_some_and(|r| r.kind == FunctionKind::Resource);
        if f.kind != FunctionKind::Coroutine
            || f.name == demo.entry
            || !resource
            || !vars.is_empty()
        {
            continue;
        }
        let (mut timed, mut other) = (0, 0);
        for g in &demo.functions {
            for block in [&g.body, &g.exit] {
                walk(block, &mut |s| {
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
        }
        if timed > 0 && other == 0 {
            out.insert(f.name.clone(), source.clone());
        }
    }
    out
}

/// A local variable that only ever holds a duration: set to a number
/// literal, multiplied by a whole number, and read only as a duration. It
/// becomes a `Duration` (`let mut delay = Duration::from_millis(500);`,
/// `delay *= 2;`).
pub(super) fn duration_locals(demo: &Demo) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        if !matches!(
            f.kind,
            FunctionKind::Coroutine | FunctionKind::Generator | FunctionKind::Blocking
        ) {
            continue;
        }
        let mut sets: HashMap<String, (bool, bool)> = HashMap::new();
        walk(&f.body, &mut |s| {
            if let StmtKind::Set { var, value } = &s.kind {
                let literal = non_negative(value);
                let scaled = scale_of(value, var).is_some();
                let seen = sets.entry(var.clone()).or_insert((true, literal));
                seen.0 &= literal || scaled;
            }
        });
        for (v, (only_durations, starts_literal)) in sets {
            if !only_durations || !starts_literal || f.params.contains(&v) {
                continue;
            }
            if f.fields.iter().any(|(n, _)| *n == v) {
                continue;
            }
            // Set only by `Set` statements, read only as a duration.
            let (mut total, mut ok) = (0, 0);
            let mut other_binding = false;
            walk(&f.body, &mut |s| {
                let duration_stmt = matches!(
                    s.kind,
                    StmtKind::Sleep(_)
                        | StmtKind::Block(_)
                        | StmtKind::Compute(_)
                        | StmtKind::WaitFor { .. }
                );
                match &s.kind {
                    StmtKind::Set { var, value } if *var == v => {
                        let mut vars = Vec::new();
                        value.variables(&mut vars);
                        let n = vars.iter().filter(|(x, _)| *x == v).count();
                        total += n;
                        ok += n;
                        return;
                    }
                    _ => other_binding |= binds(s).is_some_and(|x| *x == v),
                }
                for (e, at_duration) in stmt_exprs(s) {
                    let mut vars = Vec::new();
                    e.variables(&mut vars);
                    total += vars.iter().filter(|(x, _)| *x == v).count();
                    if at_duration
                        && duration_stmt
                        && matches!(&e.kind, ExprKind::Var(x) if *x == v)
                    {
                        ok += 1;
                    }
                }
            });
            if !other_binding && total == ok && total > 0 {
                out.insert((f.name.clone(), v));
            }
        }
    }
    out
}

/// The name a statement itself binds, other than by `Set`.
fn binds(s: &Stmt) -> Option<&String> {
    match &s.kind {
        StmtKind::Await { into: Some(v), .. }
        | StmtKind::Join { into: Some(v), .. }
        | StmtKind::Gather { into: Some(v), .. }
        | StmtKind::WaitFor { into: Some(v), .. }
        | StmtKind::TimedWait { into: Some(v), .. }
        | StmtKind::CallFn { into: Some(v), .. }
        | StmtKind::RunBlocking { into: Some(v), .. }
        | StmtKind::AsyncWith { var: Some(v), .. }
        | StmtKind::PrimCall { into: Some(v), .. }
        | StmtKind::Schedule { into: Some(v), .. }
        | StmtKind::Shield { into: Some(v), .. } => Some(v),
        StmtKind::Collect { into, .. }
        | StmtKind::Receive { into, .. }
        | StmtKind::Make { into, .. }
        | StmtKind::Spawn { into, .. }
        | StmtKind::Submit { into, .. }
        | StmtKind::Serve { into, .. }
        | StmtKind::Connect { into, .. } => Some(into),
        StmtKind::For { var, .. }
        | StmtKind::AsyncFor { var, .. }
        | StmtKind::AsCompleted { var, .. } => Some(var),
        StmtKind::Future { name } | StmtKind::Wait { done: name, .. } => Some(name),
        _ => None,
    }
}

/// A non-negative number literal.
fn non_negative(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Lit(Value::Int(n)) if n >= 0)
        || matches!(e.kind, ExprKind::Lit(Value::Float(x)) if x >= 0.0)
}

/// `var * k` (or `k * var`) with `k` a whole, non-negative number: `k`.
pub(super) fn scale_of(e: &Expr, var: &str) -> Option<u32> {
    let ExprKind::Binary(BinaryOp::Mul, a, b) = &e.kind else {
        return None;
    };
    let is_var = |x: &Expr| matches!(&x.kind, ExprKind::Var(n) if n == var);
    let whole = |x: &Expr| match x.kind {
        ExprKind::Lit(Value::Int(n)) => u32::try_from(n).ok(),
        ExprKind::Lit(Value::Float(f))
            if f >= 0.0 && f.fract() == 0.0 && f <= f64::from(u32::MAX) =>
        {
            Some(f as u32)
        }
        _ => None,
    };
    if is_var(a) {
        whole(b)
    } else if is_var(b) {
        whole(a)
    } else {
        None
    }
}

/// Whether an expression of the demo reads the event loop's clock.
pub(super) fn reads_clock(demo: &Demo) -> bool {
    fn now_in(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Now => true,
            ExprKind::Template(t) => t.parts.iter().any(|p| match p {
                Part::Hole(h) | Part::Spec(h, _) => now_in(h),
                Part::Text(_) => false,
            }),
            ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => now_in(a) || now_in(b),
            ExprKind::Unary(_, x) => now_in(x),
            ExprKind::IfElse(c, a, b) => now_in(c) || now_in(a) || now_in(b),
            ExprKind::Await(call)
            | ExprKind::Spawn(call)
            | ExprKind::Job(call, _)
            | ExprKind::Coro(call) => call.args.iter().any(now_in),
            ExprKind::GatherAll(x)
            | ExprKind::Outcomes(x)
            | ExprKind::Flat(x)
            | ExprKind::Field(x, _) => now_in(x),
            ExprKind::New(call) => call.args.iter().any(now_in),
            ExprKind::Method(x, call) => now_in(x) || call.args.iter().any(now_in),
            ExprKind::Lambda(l) => now_in(&l.body),
            ExprKind::StrMethod(_, x, args) => now_in(x) || args.iter().any(now_in),
            ExprKind::Comp {
                value,
                over,
                filter,
                ..
            } => now_in(value) || now_in(over) || filter.as_deref().is_some_and(now_in),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
                items.iter().any(now_in)
            }
            ExprKind::Lit(_)
            | ExprKind::Var(_)
            | ExprKind::Done(_)
            | ExprKind::Cancelled(_)
            | ExprKind::Join(_)
            | ExprKind::Task(..)
            | ExprKind::Locked(_)
            | ExprKind::Prim(..) => false,
        }
    }
    let mut found = false;
    for f in &demo.functions {
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| {
                found |= stmt_exprs(s).iter().any(|(e, _)| now_in(e));
            });
        }
        found |= f.fields.iter().any(|(_, e)| now_in(e));
    }
    found
}

/// The calls awaited inside an expression (`print(await f(x))`).
pub(super) fn awaited_calls<'a>(e: &'a Expr, out: &mut Vec<&'a Call>) {
    match &e.kind {
        ExprKind::Await(call) | ExprKind::New(call) => {
            out.push(call);
            call.args.iter().for_each(|a| awaited_calls(a, out));
        }
        ExprKind::Method(x, call) => {
            awaited_calls(x, out);
            out.push(call);
            call.args.iter().for_each(|a| awaited_calls(a, out));
        }
        ExprKind::Field(x, _) => awaited_calls(x, out),
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) | Part::Spec(h, _) = p {
                    awaited_calls(h, out);
                }
            }
        }
        ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => {
            awaited_calls(a, out);
            awaited_calls(b, out);
        }
        ExprKind::IfElse(c, a, b) => {
            awaited_calls(c, out);
            awaited_calls(a, out);
            awaited_calls(b, out);
        }
        ExprKind::Unary(_, x)
        | ExprKind::GatherAll(x)
        | ExprKind::Outcomes(x)
        | ExprKind::Flat(x) => awaited_calls(x, out),
        ExprKind::Spawn(call) | ExprKind::Job(call, _) | ExprKind::Coro(call) => {
            call.args.iter().for_each(|a| awaited_calls(a, out))
        }
        ExprKind::StrMethod(_, x, args) => {
            awaited_calls(x, out);
            args.iter().for_each(|a| awaited_calls(a, out));
        }
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            awaited_calls(value, out);
            awaited_calls(over, out);
            if let Some(f) = filter {
                awaited_calls(f, out);
            }
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| awaited_calls(i, out))
        }
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::Done(_)
        | ExprKind::Cancelled(_)
        | ExprKind::Join(_)
        | ExprKind::Task(..)
        | ExprKind::Locked(_)
        | ExprKind::Prim(..)
        | ExprKind::Lambda(_)
        | ExprKind::Now => {}
    }
}

/// The comprehensions inside an expression, outermost first.
pub(super) fn comprehensions<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    each_expr(e, &mut |x| {
        if matches!(x.kind, ExprKind::Comp { .. }) {
            out.push(x);
        }
    });
}

/// Every expression inside `e`, `e` first.
pub(super) fn each_expr<'a>(e: &'a Expr, f: &mut impl FnMut(&'a Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            each_expr(over, f);
            each_expr(value, f);
            if let Some(x) = filter {
                each_expr(x, f);
            }
        }
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) | Part::Spec(h, _) = p {
                    each_expr(h, f);
                }
                if let Part::Spec(_, spec) = p {
                    spec.nested.iter().for_each(|n| each_expr(n, f));
                }
            }
        }
        ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => {
            each_expr(a, f);
            each_expr(b, f);
        }
        ExprKind::IfElse(c, a, b) => {
            each_expr(c, f);
            each_expr(a, f);
            each_expr(b, f);
        }
        ExprKind::Unary(_, x) => each_expr(x, f),
        ExprKind::StrMethod(_, x, args) => {
            each_expr(x, f);
            args.iter().for_each(|a| each_expr(a, f));
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| each_expr(i, f))
        }
        ExprKind::Await(call)
        | ExprKind::Spawn(call)
        | ExprKind::Job(call, _)
        | ExprKind::Coro(call) => call.args.iter().for_each(|a| each_expr(a, f)),
        ExprKind::GatherAll(x)
        | ExprKind::Outcomes(x)
        | ExprKind::Flat(x)
        | ExprKind::Field(x, _) => each_expr(x, f),
        ExprKind::New(call) => call.args.iter().for_each(|a| each_expr(a, f)),
        ExprKind::Method(x, call) => {
            each_expr(x, f);
            call.args.iter().for_each(|a| each_expr(a, f));
        }
        ExprKind::Lambda(l) => each_expr(&l.body, f),
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::Done(_)
        | ExprKind::Cancelled(_)
        | ExprKind::Join(_)
        | ExprKind::Task(..)
        | ExprKind::Locked(_)
        | ExprKind::Now
        | ExprKind::Prim(..) => {}
    }
}

/// Whether `block` awaits the task `var` (a `JoinHandle` is awaited
/// through `&mut` when it is an item of a list).
pub(super) fn joins(block: &Block, var: &str) -> bool {
    let mut found = false;
    walk(block, &mut |s| {
        found |= matches!(&s.kind, StmtKind::Join { target, .. } if target == var);
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                found |= matches!(&x.kind, ExprKind::Join(t) if t == var)
            });
        }
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
    walk(on_cancel, &mut |s| {
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                read |= matches!(&x.kind, ExprKind::Var(n) | ExprKind::Cancelled(n) if n == target);
            });
        }
    });
    // `t.done()` or `t.cancelled()` anywhere else.
    walk(whole, &mut |s| {
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                read |=
                    matches!(&x.kind, ExprKind::Cancelled(n) | ExprKind::Done(n) if n == target);
            });
        }
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

/// Whether the function `block` reads `task.done()` or `task.cancelled()`
/// after awaiting `task` (in the order of the source): the handle is
/// awaited through `&mut`, so it is still there.
pub(super) fn state_read(block: &Block, task: &str) -> bool {
    let (mut joined, mut read) = (false, false);
    walk(block, &mut |s| {
        joined |= matches!(&s.kind, StmtKind::Join { target, .. } if target == task);
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| match &x.kind {
                ExprKind::Join(n) if n == task => joined = true,
                ExprKind::Done(n) | ExprKind::Cancelled(n) if n == task => read |= joined,
                _ => {}
            });
        }
    });
    read
}

/// The local lists a function changes in place (`xs.append(x)`, or awaits
/// the tasks of in a `for` loop): they are `let mut`.
pub(super) fn mutated_lists(block: &Block) -> Vec<String> {
    let mut out = Vec::new();
    walk(block, &mut |s| {
        if let StmtKind::For { var, over, body } = &s.kind
            && let Some(list) = looped_var(over)
            && pattern_names(var).any(|n| joins(body, n))
        {
            out.push(list.clone());
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
                if let ExprKind::Task(TaskOp::Result, n) = &x.kind {
                    out.push(n.clone());
                }
            });
        }
        // A task awaited whose state is read after.
        let mut joined = Vec::new();
        if let StmtKind::Join { target, .. } = &s.kind {
            joined.push(target.clone());
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                if let ExprKind::Join(n) = &x.kind {
                    joined.push(n.clone());
                }
            });
        }
        out.extend(joined.into_iter().filter(|t| state_read(block, t)));
        if let StmtKind::TimedWait { task, .. } = &s.kind {
            each_expr(task, &mut |x| {
                // `wait_for` awaits the handle through `&mut`.
                if let ExprKind::Var(n) = &x.kind {
                    out.push(n.clone());
                }
            });
        }
    });
    out
}
