//! A list display of integer literals whose items a loop binds to a name
//! that `abs` is called on, as `for k in [5, -5]: print(abs(k))`. Rust
//! gives such literals no type until something fixes one, and calls no
//! method on a number of no known type (`k.abs()` does not build): the
//! listing writes the first item with its type, `[5_i64, -5]`.

use super::expr_walk::each_expr_of;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, UnaryOp};
use crate::render::plan::ir::value::Value;

/// Whether `e` is an integer literal, or one negated.
fn int_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(Value::Int(_)) => true,
        ExprKind::Unary(UnaryOp::Neg, x) => matches!(x.kind, ExprKind::Lit(Value::Int(_))),
        _ => false,
    }
}

/// Whether the list display `list` of function `f` holds integer literals
/// only, and a loop binds its items (directly, or through a variable bound
/// to it) to a name that `abs` is called on.
pub(super) fn needs_type(demo: &Demo, f: &str, list: &Expr) -> bool {
    let ExprKind::List(items) = &list.kind else {
        return false;
    };
    if items.is_empty() || !items.iter().all(int_literal) {
        return false;
    }
    let Some(func) = demo.function(f) else {
        return false;
    };
    let mut holders = Vec::new();
    func.walk(&mut |s| {
        if let StmtKind::Set { var, value } = &s.kind
            && value.span == list.span
        {
            holders.push(var.clone());
        }
    });
    let mut loop_vars = Vec::new();
    func.walk(&mut |s| {
        if let StmtKind::For { var, over, .. } = &s.kind {
            let this = over.span == list.span
                || matches!(&over.kind, ExprKind::Var(n) if holders.contains(n));
            if this {
                loop_vars.push(var.clone());
            }
        }
    });
    !loop_vars.is_empty() && abs_of_any(func, &loop_vars)
}

/// Whether `f` calls `abs` on one of `names`.
fn abs_of_any(f: &Function, names: &[String]) -> bool {
    let mut found = false;
    each_expr_of(f, &mut |e| {
        if let ExprKind::Call(Builtin::Abs, args) = &e.kind
            && let [arg] = args.as_slice()
            && let ExprKind::Var(n) = &arg.kind
        {
            found |= names.contains(n);
        }
    });
    found
}
