//! Python's own failing operations where the program catches what they
//! raise: a division by zero (`ZeroDivisionError`), `d[k]` of a missing
//! key (`KeyError`), `xs[i]` past the end (`IndexError`), `int("x")`
//! (`ValueError`), `xs.pop()` of an empty list (`IndexError`), `d.pop(k)`
//! of a missing key (`KeyError`),
//! `xs.remove(x)` of what it does not hold (`ValueError`; `KeyError` of a
//! set), `s.index(sub)`
//! and `xs.index(x)` of what is not there (`ValueError`), `del xs[i]` past
//! the end (`IndexError`) and `del d[k]` of a missing key (`KeyError`),
//! `q.put_nowait(x)` of a full queue (`asyncio.QueueFull`) and
//! `q.get_nowait()` of an empty one (`asyncio.QueueEmpty`), `sem.release()`
//! of a bounded semaphore past its bound (`ValueError`), `task.result()`
//! of a task still running (`asyncio.InvalidStateError`). Such an operation is checked, an `Err` passed on with
//! `?`, only inside a `try` whose `except` takes its class, or in a
//! function called from one; elsewhere it stays plain.

use super::ast::{Block, Demo, Handler, StmtKind};
use super::expr::{BinaryOp, Builtin, Expr, ExprKind, Part, StrMethod, TaskOp};
use super::primitive::PrimOp;
use super::raises::{exprs, propagating_calls, takes};
use super::value::Value;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// An operation that may fail, where an `except` takes what it raises.
#[derive(Clone, Debug)]
pub struct CheckedOp {
    /// The function it is in.
    pub func: String,
    /// The operation.
    pub expr: Expr,
    /// The classes it may raise that an `except` takes (its class may
    /// hang on the type of its operand: `KeyError` or `IndexError`).
    pub taken: Vec<&'static str>,
}

/// The classes an operation may raise, before the types are known.
pub fn candidates(e: &Expr) -> &'static [&'static str] {
    match &e.kind {
        ExprKind::Binary(BinaryOp::Div | BinaryOp::FloorDiv | BinaryOp::Mod, _, b)
            if !nonzero_literal(b) =>
        {
            &["ZeroDivisionError"]
        }
        ExprKind::Call(Builtin::Divmod, args)
            if args.get(1).is_some_and(|b| !nonzero_literal(b)) =>
        {
            &["ZeroDivisionError"]
        }
        ExprKind::Call(Builtin::Index, _) => &["KeyError", "IndexError"],
        ExprKind::MapJobs(_, Some(_)) => &["TimeoutError"],
        ExprKind::Prim(_, PrimOp::PutNowait) => &["QueueFull"],
        ExprKind::Prim(_, PrimOp::GetNowait) => &["QueueEmpty"],
        ExprKind::Prim(_, PrimOp::BoundedRelease) => &["ValueError"],
        ExprKind::Task(TaskOp::ResultNow, _) => &["InvalidStateError"],
        // `xs.pop()` of an empty list, `xs.pop(i)` past its end, `d.pop(k)`
        // of a missing key.
        ExprKind::StrMethod(StrMethod::Pop, _, args) if args.len() <= 1 => {
            &["IndexError", "KeyError"]
        }
        // `xs.remove(x)` of what the list does not hold, `s.remove(x)` of
        // what the set does not hold.
        ExprKind::StrMethod(StrMethod::Remove, _, args) if args.len() == 1 => {
            &["ValueError", "KeyError"]
        }
        // `del xs[i]` past the end, `del d[k]` of a missing key.
        ExprKind::StrMethod(StrMethod::Del, _, _) => &["IndexError", "KeyError"],
        // `s.index(sub)` or `xs.index(x)` of what is not there.
        ExprKind::StrMethod(StrMethod::Index, _, _) => &["ValueError"],
        ExprKind::Call(Builtin::Int | Builtin::Float, args) if matches!(args.as_slice(), [x] if !matches!(x.kind, ExprKind::Lit(Value::Int(_) | Value::Float(_)))) => {
            &["ValueError"]
        }
        _ => &[],
    }
}

fn nonzero_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(Value::Int(n)) => *n != 0,
        ExprKind::Lit(Value::Float(x)) => *x != 0.0,
        _ => false,
    }
}

/// Every sub-expression of `e`, `e` first.
fn each(e: &Expr, f: &mut impl FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::List(xs) | ExprKind::Tuple(xs) | ExprKind::Call(_, xs) => {
            xs.iter().for_each(|x| each(x, f))
        }
        ExprKind::Unary(_, x)
        | ExprKind::GatherAll(x)
        | ExprKind::Outcomes(x)
        | ExprKind::Flat(x) => each(x, f),
        ExprKind::MapJobs(jobs, timeout) => {
            each(jobs, f);
            timeout.iter().for_each(|t| each(t, f));
        }
        ExprKind::Binary(_, a, b) => {
            each(a, f);
            each(b, f);
        }
        ExprKind::IfElse(c, a, b) => {
            each(c, f);
            each(a, f);
            each(b, f);
        }
        ExprKind::StrMethod(_, x, args) => {
            each(x, f);
            args.iter().for_each(|a| each(a, f));
        }
        ExprKind::Template(t) => {
            for p in &t.parts {
                if let Part::Hole(h) | Part::Spec(h, _) = p {
                    each(h, f);
                }
            }
        }
        ExprKind::Comp {
            value,
            over,
            filter,
            ..
        } => {
            each(value, f);
            each(over, f);
            filter.iter().for_each(|x| each(x, f));
        }
        ExprKind::Await(call)
        | ExprKind::Spawn(call)
        | ExprKind::Job(call, _)
        | ExprKind::Coro(call) => call.args.iter().for_each(|a| each(a, f)),
        _ => {}
    }
}

/// The `except` clauses around a place: each `try`'s span and classes.
type Context = Vec<(Range<usize>, Vec<String>)>;

fn classes_of(handlers: &[Handler]) -> Vec<String> {
    handlers
        .iter()
        .filter(|h| !h.star)
        .flat_map(|h| h.classes.iter().cloned())
        .collect()
}

/// What one pass over the functions finds.
#[derive(Default)]
struct Found {
    ops: Vec<CheckedOp>,
    /// The `try` statements one of whose clauses takes a checked operation.
    reached: HashSet<Range<usize>>,
    /// The `except` clauses around each call of a function of the program.
    calls: HashMap<String, Context>,
}

fn visit(func: &str, block: &Block, ctx: &Context, out: &mut Found) {
    for s in block {
        if let StmtKind::Catch {
            body,
            handlers,
            orelse,
            finally,
        } = &s.kind
        {
            let mut inner = ctx.clone();
            inner.push((s.span.clone(), classes_of(handlers)));
            visit(func, body, &inner, out);
            for h in handlers {
                visit(func, &h.body, ctx, out);
            }
            visit(func, orelse, ctx, out);
            visit(func, finally, ctx, out);
            continue;
        }
        // `q.put_nowait(x)` and `x = q.get_nowait()`: the statement's
        // operation, at its span.
        let call = match &s.kind {
            StmtKind::PrimCall { object, op, .. } => Some(Expr {
                kind: ExprKind::Prim(object.clone(), *op),
                span: s.span.clone(),
            }),
            _ => None,
        };
        let mut roots: Vec<&Expr> = exprs(&s.kind);
        roots.extend(call.as_ref());
        for c in propagating_calls(&s.kind) {
            roots.extend(c.args.iter());
            let into = out.calls.entry(c.name.clone()).or_default();
            for k in ctx {
                if !into.contains(k) {
                    into.push(k.clone());
                }
            }
        }
        for root in roots {
            each(root, &mut |e| {
                let mut taken: Vec<&'static str> = Vec::new();
                for class in candidates(e) {
                    for (span, of) in ctx {
                        if of.iter().any(|o| takes(o, class)) {
                            out.reached.insert(span.clone());
                            if !taken.contains(class) {
                                taken.push(class);
                            }
                        }
                    }
                }
                if !taken.is_empty() {
                    out.ops.push(CheckedOp {
                        func: func.to_string(),
                        expr: e.clone(),
                        taken,
                    });
                }
            });
        }
        for inner in s.blocks() {
            visit(func, inner, ctx, out);
        }
    }
}

/// One pass over the functions, each under the `except` clauses its
/// callers put around it (a fixed point over the call graph).
fn find(demo: &Demo) -> Found {
    let mut around: HashMap<String, Context> = HashMap::new();
    loop {
        let mut found = Found::default();
        for f in &demo.functions {
            let ctx = around.get(&f.name).cloned().unwrap_or_default();
            visit(&f.name, &f.body, &ctx, &mut found);
        }
        if found.calls == around {
            return found;
        }
        around = found.calls;
    }
}

/// The operations the Rust listing checks (see the module's doc).
pub fn checked_ops(demo: &Demo) -> Vec<CheckedOp> {
    find(demo).ops
}

/// The `try` statements that catch what a checked operation raises.
pub fn reached_tries(demo: &Demo) -> HashSet<Range<usize>> {
    find(demo).reached
}

/// The functions with a checked operation: they return a `Result`.
pub fn failing_functions(demo: &Demo) -> HashSet<String> {
    find(demo).ops.into_iter().map(|op| op.func).collect()
}
