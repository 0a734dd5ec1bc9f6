//! Which functions of a plan can fail: those that `raise`, and those that
//! call one where the exception goes on up (Rust: they return a `Result`
//! and pass an `Err` on with `?`).

use super::ast::{Block, Call, Demo, Function, FunctionKind, StmtKind, walk};
use super::expr::{Expr, ExprKind, Part};
use std::collections::{HashMap, HashSet};

/// The functions that can fail: a fixed point over the call graph.
pub fn fallible(demo: &Demo) -> HashSet<String> {
    let mut out: HashSet<String> = super::op_errors::failing_functions(demo);
    loop {
        let before = out.len();
        for f in &demo.functions {
            if !out.contains(&f.name) && fails(f, &out) {
                out.insert(f.name.clone());
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

/// Whether `f` raises, or calls a function of `fallible` at a call that
/// passes its exception on (an await, a plain call, the join of its task).
fn fails(f: &Function, fallible: &HashSet<String>) -> bool {
    let tasks = failing_tasks(f, fallible);
    let lists = failing_lists(f, fallible);
    let mut found = false;
    f.walk(&mut |s| {
        found |= match &s.kind {
            StmtKind::Raise { .. } | StmtKind::RaiseValue(_) | StmtKind::Reraise => true,
            StmtKind::Join { target, .. } => tasks.contains_key(target),
            StmtKind::TimedWait { task, .. } => {
                matches!(&task.kind, ExprKind::Var(t) if tasks.contains_key(t))
            }
            _ if exprs(&s.kind).iter().any(|e| reads_output(e, &tasks)) => true,
            _ if exprs(&s.kind).iter().any(|e| reads_item(e, &lists)) => true,
            StmtKind::TaskGroup { body, .. } => super::exc_groups::collects(body, fallible),
            _ => propagating_calls(&s.kind)
                .iter()
                .any(|c| fallible.contains(&c.name)),
        };
    });
    found
}

/// The tasks of `f` that run a function of `fallible`, by variable, with
/// the function they run.
pub fn failing_tasks(f: &Function, fallible: &HashSet<String>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    f.walk(&mut |s| {
        if let StmtKind::Spawn { call, into } | StmtKind::Submit { call, into, .. } = &s.kind
            && fallible.contains(&call.name)
        {
            out.insert(into.clone(), call.name.clone());
        }
    });
    out
}

/// The lists of tasks `f` makes (`xs = [asyncio.create_task(g(...)) for
/// ...]`, or a list of such calls) whose coroutine can raise.
pub fn failing_lists(f: &Function, fallible: &HashSet<String>) -> Vec<String> {
    let spawns_failing =
        |e: &Expr| matches!(&e.kind, ExprKind::Spawn(call) if fallible.contains(&call.name));
    let mut lists = Vec::new();
    f.walk(&mut |s| {
        if let StmtKind::Set { var, value } = &s.kind {
            let failing = match &value.kind {
                ExprKind::Comp { value, .. } => spawns_failing(value),
                ExprKind::List(items) => items.iter().any(spawns_failing),
                _ => false,
            };
            if failing {
                lists.push(var.clone());
            }
        }
    });
    lists
}

/// The list of tasks whose item [`ExprKind::ItemOutput`] reads.
pub fn item_list(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::ItemOutput(x, _) => match &x.kind {
            ExprKind::Call(super::expr::Builtin::Index, args) => match args.first()?.kind {
                ExprKind::Var(ref l) => Some(l),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Whether `e` reads the output of a task of one of `lists` (`await
/// xs[i]`, `xs[i].result()`, `await asyncio.gather(*xs)`), where the
/// task's exception goes on up.
fn reads_item(e: &Expr, lists: &[String]) -> bool {
    reads(e, &|x| {
        item_list(x).is_some_and(|l| lists.iter().any(|n| n == l))
            || matches!(&x.kind, ExprKind::GatherAll(g)
                if matches!(&g.kind, ExprKind::Var(l) if lists.contains(l)))
    })
}

/// The calls of a statement whose exception the statement passes on: an
/// awaited call, a plain call or a job awaited at once (the statement
/// itself, or an `await` inside one of its expressions).
pub fn propagating_calls(kind: &StmtKind) -> Vec<&Call> {
    let mut out = Vec::new();
    match kind {
        StmtKind::Await { call, .. }
        | StmtKind::CallFn { call, .. }
        | StmtKind::RunBlocking { call, .. }
        | StmtKind::Shield { call, .. } => out.push(call),
        // The first exception of the children comes out of `gather`.
        StmtKind::Gather {
            calls: super::ast::Calls::List(list),
            ..
        } => out.extend(list),
        _ => {}
    }
    for e in exprs(kind) {
        awaited(e, &mut out);
    }
    out
}

/// The expressions of a statement that may hold an `await f(...)`.
pub fn exprs(kind: &StmtKind) -> Vec<&Expr> {
    match kind {
        StmtKind::Print(t) => t
            .parts
            .iter()
            .filter_map(|p| match p {
                Part::Hole(e) | Part::Spec(e, _) => Some(e),
                Part::Text(_) => None,
            })
            .collect(),
        StmtKind::SetField { object, value, .. } => vec![object, value],
        StmtKind::Return(Some(e))
        | StmtKind::Set { value: e, .. }
        | StmtKind::If { cond: e, .. }
        | StmtKind::While { cond: e, .. }
        | StmtKind::For { over: e, .. }
        | StmtKind::RaiseValue(e)
        | StmtKind::Raise {
            message: Some(e), ..
        }
        | StmtKind::PrimCall { arg: Some(e), .. } => vec![e],
        _ => Vec::new(),
    }
}

fn awaited<'a>(e: &'a Expr, out: &mut Vec<&'a Call>) {
    match &e.kind {
        ExprKind::Await(call) | ExprKind::New(call) => {
            out.push(call);
            call.args.iter().for_each(|a| awaited(a, out));
        }
        ExprKind::Method(x, call) => {
            awaited(x, out);
            out.push(call);
            call.args.iter().for_each(|a| awaited(a, out));
        }
        ExprKind::Field(x, _) => awaited(x, out),
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => {
            items.iter().for_each(|i| awaited(i, out))
        }
        ExprKind::Unary(_, x) | ExprKind::Flat(x) | ExprKind::ItemOutput(x, _) => awaited(x, out),
        ExprKind::Exception(_, m) => m.iter().for_each(|x| awaited(x, out)),
        ExprKind::GroupParts(x) => awaited(x, out),
        // With `return_exceptions=True`, the children's exceptions stay in the list.
        ExprKind::Outcomes(_) => {}
        // The first exception of the coroutines gathered comes out of `gather`.
        ExprKind::GatherAll(x) => {
            match &x.kind {
                ExprKind::List(items) => {
                    for i in items {
                        if let ExprKind::Coro(call) = &i.kind {
                            out.push(call);
                        }
                    }
                }
                ExprKind::Comp { value, .. } => {
                    if let ExprKind::Coro(call) = &value.kind {
                        out.push(call);
                    }
                }
                _ => {}
            }
            awaited(x, out)
        }
        ExprKind::Spawn(call)
        | ExprKind::Job(call, _)
        | ExprKind::Coro(call)
        | ExprKind::Stream(call)
        | ExprKind::CallParam(call, _) => call.args.iter().for_each(|a| awaited(a, out)),
        ExprKind::Function(_) | ExprKind::FnDict(_) => {}
        // A job's exception comes out where `map` gives its item.
        ExprKind::MapJobs(jobs, timeout) => {
            if let Some(call) = super::expr::map_call(jobs) {
                out.push(call);
            }
            awaited(jobs, out);
            timeout.iter().for_each(|t| awaited(t, out));
        }
        ExprKind::CallItem(item, args, _) => {
            awaited(item, out);
            args.iter().for_each(|a| awaited(a, out));
        }
        ExprKind::Binary(_, a, b) | ExprKind::Slept(a, b) => {
            awaited(a, out);
            awaited(b, out);
        }
        ExprKind::IfElse(c, a, b) => {
            awaited(c, out);
            awaited(a, out);
            awaited(b, out);
        }
        ExprKind::StrMethod(_, x, args) => {
            awaited(x, out);
            args.iter().for_each(|a| awaited(a, out));
        }
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) | Part::Spec(h, _) = p {
                    awaited(h, out);
                }
            }
        }
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            awaited(value, out);
            awaited(over, out);
            filter.iter().for_each(|f| awaited(f, out));
        }
        ExprKind::Member(..) | ExprKind::Members(_) => {}
        ExprKind::Lit(_)
        | ExprKind::Var(_)
        | ExprKind::Done(_)
        | ExprKind::Cancelled(_)
        | ExprKind::Join(_)
        | ExprKind::NextItem(..)
        | ExprKind::Task(..)
        | ExprKind::Locked(_)
        | ExprKind::Prim(..)
        | ExprKind::Lambda(_)
        | ExprKind::Now => {}
    }
}

/// Where the Rust listing cannot pass an exception on: a call of a
/// function of `fallible` that no `?` can follow (inside `gather`, a task
/// group, an executor job started early, a cleanup block, ...), and a
/// `raise` outside a coroutine or plain function. Each is the name of the
/// function and the statement's span.
pub fn unpropagated(
    demo: &Demo,
    fallible: &HashSet<String>,
) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let plain = matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Blocking);
        check(&f.body, plain, fallible, &mut out);
        check(&f.exit, false, fallible, &mut out);
    }
    out
}

fn check(
    block: &Block,
    plain: bool,
    fallible: &HashSet<String>,
    out: &mut Vec<(String, std::ops::Range<usize>)>,
) {
    for s in block {
        let mut ok: Vec<&Call> = propagating_calls(&s.kind);
        // A task's (or a job's) exception comes out where it is awaited (`Join`).
        if let StmtKind::Spawn { call, .. } | StmtKind::Submit { call, .. } = &s.kind {
            ok.push(call);
        }
        match &s.kind {
            StmtKind::Raise { class, .. } if !plain => out.push((class.clone(), s.span.clone())),
            StmtKind::RaiseValue(e) if !plain => {
                let name = match &e.kind {
                    ExprKind::Var(v) => v.clone(),
                    _ => "raise".into(),
                };
                out.push((name, s.span.clone()));
            }
            // Its children's exceptions come out of the group, together.
            StmtKind::TaskGroup { body, .. }
                if plain && super::exc_groups::collects(body, fallible) =>
            {
                continue;
            }
            StmtKind::Try {
                body,
                on_cancel,
                finally,
            } => {
                check(body, plain, fallible, out);
                check(on_cancel, false, fallible, out);
                check(finally, false, fallible, out);
                continue;
            }
            // A `finally` runs in a drop guard, where nothing can fail.
            StmtKind::Catch {
                body,
                handlers,
                orelse,
                finally,
            } => {
                check(body, plain, fallible, out);
                for h in handlers {
                    check(&h.body, plain, fallible, out);
                }
                check(orelse, plain, fallible, out);
                check(finally, false, fallible, out);
                continue;
            }
            _ => {}
        }
        let mut calls = direct_calls(&s.kind);
        for e in exprs(&s.kind) {
            awaited(e, &mut calls);
        }
        for c in calls {
            if fallible.contains(&c.name) && !ok.iter().any(|o| std::ptr::eq(*o, c)) {
                out.push((c.name.clone(), s.span.clone()));
            }
        }
        if !matches!(s.kind, StmtKind::Try { .. } | StmtKind::Catch { .. }) {
            for inner in s.blocks() {
                check(inner, plain, fallible, out);
            }
        }
    }
}

/// The calls a statement makes of the program's definitions.
fn direct_calls(kind: &StmtKind) -> Vec<&Call> {
    match kind {
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
        StmtKind::Serve { handler, .. } => vec![handler],
        StmtKind::Gather { calls, .. } | StmtKind::AsCompleted { calls, .. } => match calls {
            super::ast::Calls::List(list) => list.iter().collect(),
            super::ast::Calls::Each { call, .. } => vec![call],
        },
        _ => Vec::new(),
    }
}

/// The built-in exception classes the program raises, in order of first
/// `raise`.
pub fn raised_classes(demo: &Demo) -> Vec<String> {
    let mut classes: Vec<String> = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            let class = match &s.kind {
                StmtKind::Raise { class, .. } => class.as_str(),
                _ => return,
            };
            if !classes.iter().any(|c| c == class) {
                classes.push(class.to_string());
            }
        });
    }
    for class in made_classes(demo) {
        if !classes.contains(&class) {
            classes.push(class);
        }
    }
    let group = super::exc_groups::GROUP.to_string();
    if !classes.contains(&group) && super::exc_groups::any_groups(demo, &fallible(demo)) {
        classes.push(group);
    }
    classes
}

/// The classes of the built-in exceptions the program makes as values, in
/// a variable, a list or a call's arguments, which `raise exc` raises (see
/// `plan::exc_values`).
pub fn made_classes(demo: &Demo) -> Vec<String> {
    fn made(e: &Expr, out: &mut Vec<String>) {
        match &e.kind {
            ExprKind::Exception(class, m) => {
                out.push(class.clone());
                // The exceptions of a group made by hand.
                if class == super::exc_groups::GROUP {
                    m.iter().for_each(|m| made(m, out));
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                items.iter().for_each(|i| made(i, out))
            }
            ExprKind::Await(call) | ExprKind::Coro(call) | ExprKind::Spawn(call) => {
                call.args.iter().for_each(|a| made(a, out))
            }
            ExprKind::GatherAll(x) | ExprKind::Outcomes(x) | ExprKind::Flat(x) => made(x, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            for e in exprs(&s.kind) {
                made(e, &mut out);
            }
            for c in direct_calls(&s.kind) {
                c.args.iter().for_each(|a| made(a, &mut out));
            }
        });
    }
    out
}

/// Python's base class of each built-in exception class the plan raises.
fn base(class: &str) -> Option<&'static str> {
    Some(match class {
        "IndexError" | "KeyError" => "LookupError",
        "UnboundLocalError" => "NameError",
        "ZeroDivisionError" => "ArithmeticError",
        "NotImplementedError" | "RecursionError" => "RuntimeError",
        "ConnectionResetError" | "ConnectionRefusedError" | "BrokenPipeError" => "ConnectionError",
        "ConnectionError" | "FileNotFoundError" | "PermissionError" | "TimeoutError" => "OSError",
        "Exception" | "SystemExit" => "BaseException",
        "BaseException" => return None,
        _ => "Exception",
    })
}

/// Whether a built-in class is the base of others (`LookupError`).
pub fn has_subclasses(class: &str) -> bool {
    matches!(
        class,
        "BaseException"
            | "Exception"
            | "ArithmeticError"
            | "LookupError"
            | "NameError"
            | "OSError"
            | "RuntimeError"
            | "ConnectionError"
    )
}

/// Whether `except of:` takes an exception of `class`.
pub fn takes(of: &str, class: &str) -> bool {
    class == of || base(class).is_some_and(|b| takes(of, b))
}

/// The `try` statements none of whose `except` clauses takes a class that
/// a `raise` of the program gives: what they catch would come from
/// Python's own operations (indexing, `int("x")`), which are no `Err` in
/// the Rust listing.
pub fn unreached_handlers(demo: &Demo) -> Vec<std::ops::Range<usize>> {
    let classes = raised_classes(demo);
    let reached = super::op_errors::reached_tries(demo);
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::Catch { body, handlers, .. } = &s.kind
                && !never_runs(body, handlers)
                && !reached.contains(&s.span)
                && !handlers.iter().any(|h| {
                    h.classes
                        .iter()
                        .any(|of| classes.iter().any(|c| takes(of, c)))
                })
            {
                out.push(s.span.clone());
            }
        });
    }
    out
}

/// Whether the `except` clauses of a `try` never run: its block raises
/// only by its `raise` statements (see [`super::exc_ops`]), of classes
/// they do not take, and no clause takes a cancellation.
fn never_runs(body: &Block, handlers: &[super::ast::Handler]) -> bool {
    super::exc_ops::raises_only_by_raise(body)
        && !handlers
            .iter()
            .any(|h| h.classes.iter().any(|c| c == "BaseException"))
}

/// Whether `e` reads the output of one of `tasks` (`await task` or
/// `task.result()` inside it), where the task's exception goes on up.
fn reads_output(e: &Expr, tasks: &HashMap<String, String>) -> bool {
    reads(e, &|x| match &x.kind {
        ExprKind::Join(t)
        | ExprKind::Task(super::expr::TaskOp::Result | super::expr::TaskOp::ResultNow, t) => {
            tasks.contains_key(t)
        }
        _ => false,
    })
}

/// Whether `e`, or an expression inside it that Python evaluates with it,
/// is one that `hit` picks.
fn reads(e: &Expr, hit: &dyn Fn(&Expr) -> bool) -> bool {
    let any = |xs: &[Expr]| xs.iter().any(|x| reads(x, hit));
    if hit(e) {
        return true;
    }
    match &e.kind {
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Call(_, items) => any(items),
        ExprKind::Unary(_, x) | ExprKind::Field(x, _) | ExprKind::ItemOutput(x, _) => reads(x, hit),
        ExprKind::Binary(_, a, b) => reads(a, hit) || reads(b, hit),
        ExprKind::IfElse(c, a, b) => [c, a, b].iter().any(|x| reads(x, hit)),
        ExprKind::StrMethod(_, x, args) => reads(x, hit) || any(args),
        ExprKind::Template(t) => t.parts.iter().any(|p| match p {
            Part::Hole(h) | Part::Spec(h, _) => reads(h, hit),
            Part::Text(_) => false,
        }),
        _ => false,
    }
}
