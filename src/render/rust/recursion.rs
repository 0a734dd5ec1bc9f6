//! A coroutine that awaits itself is written with `Box::pin(f(...))`
//! around each call of itself (see `Renderer::call`): an `async fn`'s
//! future holds the futures it awaits, so without the box its size would
//! have no end. Data that nests passed to itself (a tree of tuples,
//! `(name, [children...])`, or lists of lists) would need a recursive
//! type: such a program is listed as not translated.

use super::analysis::{each_expr, stmt_exprs};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Call, Calls, Function, FunctionKind, Stmt, StmtKind};
use crate::render::plan::ir::expr::ExprKind;

/// The first call of `f` by itself in `s` passing it data that nests.
pub(super) fn nested_data(types: &Types, f: &Function, s: &Stmt) -> Option<Untranslatable> {
    if f.kind != FunctionKind::Coroutine {
        return None;
    }
    let mut calls: Vec<&Call> = match &s.kind {
        StmtKind::Await { call, .. } => vec![call],
        StmtKind::Gather {
            calls: Calls::List(list),
            ..
        } => list.iter().collect(),
        StmtKind::Gather {
            calls: Calls::Each { call, .. },
            ..
        } => vec![call],
        _ => Vec::new(),
    };
    for (e, _) in stmt_exprs(s) {
        each_expr(e, &mut |x| {
            if let ExprKind::Await(c) | ExprKind::Spawn(c) | ExprKind::Coro(c) = &x.kind {
                calls.push(c);
            }
        });
    }
    let call = calls.into_iter().find(|c| {
        c.name == f.name && c.args.iter().any(|arg| nests(&types.expr_ty(&f.name, arg)))
    })?;
    Some(Untranslatable {
        span: call.span.clone(),
        construct: format!("`{}` passing itself nested data", f.name),
        reason: "each level of a tree of tuples has a Rust type of its own; the Rust listing \
                 has no recursive type for it (a `struct` holding a `Vec` of itself)"
            .into(),
    })
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
