//! A task or a future printed or turned into text (`print(t)`,
//! `repr(t)`, `f"{t}"`): asyncio writes its state, its coroutine and the
//! line it waits at (`<Task pending name='Task-2' coro=<work() running at
//! x.py:4>>`), which a Tokio handle does not know (a `JoinHandle`'s `Debug`
//! is its id). The listing refuses it at the value, as it refuses a
//! coroutine object shown as text (`<coroutine object f at 0x...>`).

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part};

/// Whether a value of `ty` is a task, a future or a coroutine object, or
/// holds one.
fn holds_handle(ty: &Ty) -> bool {
    match ty {
        Ty::Task(_) | Ty::Future(_) | Ty::Coro(_) => true,
        Ty::List(t) | Ty::Set(t) | Ty::Option(t) => holds_handle(t),
        Ty::Tuple(items) => items.iter().any(holds_handle),
        Ty::Dict(k, v) => holds_handle(k) || holds_handle(v),
        _ => false,
    }
}

/// The refusal of `value`, of type `ty`, shown as text.
fn refusal(value: &Expr, ty: &Ty) -> Untranslatable {
    if matches!(ty, Ty::Coro(_)) {
        return Untranslatable {
            span: value.span.clone(),
            construct: "a coroutine object shown as text".into(),
            reason: "Python writes `<coroutine object f at 0x...>`, an address that changes \
                     from run to run; a Rust future has no text: print what the program \
                     knows of it instead"
                .into(),
        };
    }
    Untranslatable {
        span: value.span.clone(),
        construct: "a task or a future shown as text".into(),
        reason: "asyncio writes a task's state, coroutine and the line it waits at; a \
                 Tokio handle knows none of them (its `Debug` is its id): print what the \
                 program knows, such as `t.done()` or the name it gave"
            .into(),
    }
}

/// Every task or future of `demo` printed, or given to `repr` or `str`, or
/// to a hole of an f-string.
pub(super) fn printed_handles(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let ty = |e: &Expr| types.expr_ty(&f.name, e);
        let shown = |e: &Expr| holds_handle(&ty(e));
        let refusal = |e: &Expr| refusal(e, &ty(e));
        f.walk(&mut |s| {
            if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind {
                for part in &t.parts {
                    if let Part::Hole(e) | Part::Spec(e, _) = part
                        && shown(e)
                    {
                        out.push(refusal(e));
                    }
                }
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| match &x.kind {
                    ExprKind::Call(Builtin::Repr | Builtin::Str, args) => {
                        out.extend(args.iter().filter(|a| shown(a)).map(refusal));
                    }
                    ExprKind::Template(t) => {
                        for part in &t.parts {
                            if let Part::Hole(h) | Part::Spec(h, _) = part
                                && shown(h)
                            {
                                out.push(refusal(h));
                            }
                        }
                    }
                    _ => {}
                });
            }
        });
    }
    out.dedup_by(|a, b| a.span == b.span);
    out
}
