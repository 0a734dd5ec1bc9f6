//! A coroutine that awaits itself is written with `Box::pin(f(...))`
//! around each call of itself (see `Renderer::call`): an `async fn`'s
//! future holds the futures it awaits, so without the box its size would
//! have no end. Data that nests passed to itself is a recursive struct
//! where it is a tree of tuples, `(name, [children...])` (see `trees`);
//! other such data (lists of lists) would need a recursive type of its
//! own, and spawning itself a future the compiler cannot prove `Send`:
//! such a program is listed as not translated.

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Calls, Demo, Function, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

/// The first call of `f` by itself in `s` that the Rust listing cannot
/// box: one spawned as a task, or passed data that nests.
pub(super) fn self_calls(
    demo: &Demo,
    types: &Types,
    f: &Function,
    s: &Stmt,
) -> Option<Untranslatable> {
    if f.kind != FunctionKind::Coroutine {
        return None;
    }
    let mine = |c: &&Call| c.name == f.name;
    let mut awaited: Vec<&Call> = Vec::new();
    let mut spawned: Vec<&Call> = Vec::new();
    match &s.kind {
        StmtKind::Await { call, .. } => awaited.push(call),
        StmtKind::Gather { calls, .. } => {
            let list = listed(calls);
            // A gather of calls that can fail spawns each.
            let failing = crate::render::plan::ir::raises::fallible(demo);
            if list.iter().any(mine) && list.iter().any(|c| failing.contains(&c.name)) {
                spawned.extend(list);
            } else {
                awaited.extend(list);
            }
        }
        StmtKind::Spawn { call, .. }
        | StmtKind::Shield { call, .. }
        | StmtKind::GroupSpawn { call, .. }
        | StmtKind::LoopSpawn { call, .. }
        | StmtKind::Schedule { call, .. }
        | StmtKind::Submit { call, .. }
        | StmtKind::WaitFor { call, .. } => spawned.push(call),
        StmtKind::AsCompleted { calls, .. } | StmtKind::Wait { calls, .. } => {
            spawned.extend(listed(calls))
        }
        _ => {}
    }
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| match &x.kind {
            ExprKind::Await(c) | ExprKind::Coro(c) => awaited.push(c),
            ExprKind::Spawn(c) => spawned.push(c),
            _ => {}
        });
    }
    if let Some(call) = spawned.into_iter().find(mine) {
        return Some(Untranslatable {
            span: call.span.clone(),
            construct: format!("`{}` spawning itself", f.name),
            reason: "`tokio::spawn` needs a future the compiler proves `Send`, which it cannot \
                     for an `async fn` that calls itself; the Rust listing would declare it \
                     `fn f(...) -> BoxFuture<'static, T>` returning `async move { ... }.boxed()`"
                .into(),
        });
    }
    let call = awaited
        .into_iter()
        .find(|c| mine(c) && c.args.iter().any(|arg| nests(&types.expr_ty(&f.name, arg))))?;
    Some(Untranslatable {
        span: call.span.clone(),
        construct: format!("`{}` passing itself nested data", f.name),
        reason: "each level of nested data has a Rust type of its own; the Rust listing \
                 writes a tree of tuples with the same places at every level, passed through \
                 a parameter whose name is free as a type's, as a `struct` holding a `Vec` of \
                 itself, but has no recursive type for this data"
            .into(),
    })
}

/// The calls of a `gather`, `wait` or `as_completed`.
fn listed(calls: &Calls) -> Vec<&Call> {
    match calls {
        Calls::List(list) => list.iter().collect(),
        Calls::Each { call, .. } => vec![call],
    }
}

/// Whether `ty` holds, strictly inside, a value of its own shape: a tuple
/// of as many items, or a list within a list.
fn nests(ty: &Ty) -> bool {
    fn within(ty: &Ty, outer: &Ty) -> bool {
        let inner: Vec<&Ty> = match ty {
            Ty::List(t) | Ty::Option(t) => vec![t],
            Ty::Tuple(items) => items.iter().collect(),
            Ty::Dict(k, v) => vec![k, v],
            _ => return false,
        };
        inner
            .into_iter()
            .any(|t| same_shape(t, outer) || within(t, outer))
    }
    fn same_shape(a: &Ty, b: &Ty) -> bool {
        match (a, b) {
            (Ty::Tuple(x), Ty::Tuple(y)) => x.len() == y.len(),
            (Ty::List(_), Ty::List(_)) => true,
            _ => false,
        }
    }
    within(ty, ty)
}
