//! `max`/`min` of integers beside floats (`max(-1, -2.5)`): Rust's
//! `f64::max` gives `-1.0` where Python gives the integer `-1`, which
//! prints as `-1`. Printed or kept, such a call is refused at the call.

use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// Whether `e` is `max`/`min` of several values, integers beside floats.
fn mixed(types: &Types, f: &str, e: &Expr) -> bool {
    let ExprKind::Call(Builtin::Max | Builtin::Min, args) = &e.kind else {
        return false;
    };
    let tys: Vec<Ty> = args.iter().map(|a| types.expr_ty(f, a)).collect();
    args.len() > 1 && tys.contains(&Ty::Int) && tys.contains(&Ty::Float)
}

/// Every printed or kept `max`/`min` of integers beside floats.
pub(super) fn mixed_extremes(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            let mut seen: Vec<&Expr> = super::promoted::shown_of(s);
            match &s.kind {
                StmtKind::Set { value, .. } | StmtKind::Return(Some(value)) => seen.push(value),
                _ => {}
            }
            for e in seen {
                each_expr(e, &mut |x| {
                    if mixed(types, &f.name, x) {
                        out.push(Untranslatable {
                            span: x.span.clone(),
                            construct: "`max`/`min` of integers beside floats".into(),
                            reason: "Python returns the winning value as it is, an \
                                     integer or a float; Rust's `f64::max`/`f64::min` \
                                     always give a float, which prints `-1.0` for `-1`: \
                                     convert with `float(...)` so both sides are floats"
                                .into(),
                        });
                    }
                });
            }
        });
    }
    out
}
