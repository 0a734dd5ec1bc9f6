//! A list of `PyValue`s (strings beside numbers, see `mixed`) may be
//! printed, kept, passed, iterated, indexed, measured and grown; sorting,
//! searching, comparing, joining, adding to another list or taking its
//! `min`/`max`/`sum` needs each item's own type, which Rust tells only by
//! a `match` (and which Python often refuses too: `sorted(["x", 1])`
//! raises `TypeError`). Such a use is listed as not translated at its
//! place.

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Part, StrMethod};

/// Every use of a list of `PyValue`s in `demo` that needs its items' types.
pub(super) fn mixed_list_uses(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mixed = |e: &Expr| types.expr_ty(&f.name, e) == Ty::List(Box::new(Ty::Mixed));
        f.walk(&mut |s| {
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    if needs_types(x, &mixed) {
                        out.push(Untranslatable {
                            span: x.span.clone(),
                            construct: "a list of strings and numbers used here".into(),
                            reason: "the Rust listing keeps the items of a list of strings \
                                     and numbers as one enum, `PyValue`, which it prints, \
                                     keeps, indexes and grows; this use needs each item's \
                                     own type, a `match` on it"
                                .into(),
                        });
                    }
                });
            }
        });
    }
    out
}

/// Whether `x` uses a list `mixed` accepts as anything but a list of
/// values to keep, print, index, iterate or grow.
fn needs_types(x: &Expr, mixed: &dyn Fn(&Expr) -> bool) -> bool {
    match &x.kind {
        ExprKind::Binary(_, a, b) => mixed(a) || mixed(b),
        ExprKind::StrMethod(m, on, args) => {
            let kept = matches!(
                m,
                StrMethod::Append
                    | StrMethod::Insert
                    | StrMethod::SetItem
                    | StrMethod::Pop
                    | StrMethod::Copy
                    | StrMethod::Clear
                    | StrMethod::Reverse
                    | StrMethod::Extend
            );
            // A list of `PyValue`s extends another.
            let extends = *m == StrMethod::Extend && mixed(on);
            (mixed(on) && !kept)
                || (!matches!(m, StrMethod::Append | StrMethod::Insert)
                    && !extends
                    && args.iter().any(mixed))
        }
        ExprKind::Call(b, args) => {
            let kept = matches!(
                b,
                Builtin::Len
                    | Builtin::Index
                    | Builtin::Repr
                    | Builtin::Str
                    | Builtin::List
                    | Builtin::Kept
                    | Builtin::Rest
                    | Builtin::Slice
                    | Builtin::Enumerate
                    | Builtin::Reversed
                    | Builtin::Bool
                    | Builtin::IsInstance
                    | Builtin::TypeName
            );
            !kept && args.iter().any(mixed)
        }
        ExprKind::Template(t) => t
            .parts
            .iter()
            .any(|p| matches!(p, Part::Spec(h, _) if mixed(h))),
        _ => false,
    }
}
