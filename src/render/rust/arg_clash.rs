//! A function of the program (or a class's `__init__`) called with
//! arguments of two types in two places: a list of strings here, a list
//! of numbers there (`Paginator([["a"]])`, `Paginator([[1]])`). Python's
//! parameter takes both; the Rust parameter has one type. Listed as not
//! translated at the argument whose type differs from the parameter's,
//! unless the class only hands its list's items on (see `generic_iters`).

use super::promoted::calls_of;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::ExprKind;

/// Every argument of `demo` whose type clashes with its parameter's.
pub(super) fn arg_clashes(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            for call in calls_of(s) {
                let Some(params) = types.params.get(&call.name) else {
                    continue;
                };
                if types.generic.contains_key(&call.name) {
                    continue;
                }
                let generic = super::generic_iters::generic_list(demo, types, &call.name);
                for (i, (arg, param)) in call.args.iter().zip(params).enumerate() {
                    if generic.as_ref().is_some_and(|g| g.param == i) {
                        continue;
                    }
                    // A list display given to a list of `PyValue`s holds
                    // them (see `mixed_nest`).
                    let display = matches!(arg.kind, ExprKind::List(_));
                    if display && *param == Ty::List(Box::new(Ty::Mixed)) {
                        continue;
                    }
                    if clash(param, &types.expr_ty(&f.name, arg)) {
                        out.push(Untranslatable {
                            span: arg.span.clone(),
                            construct: format!("`{}` given values of two types", call.name),
                            reason: format!(
                                "another call gives this parameter a `{}`, and a Rust \
                                 parameter has one type: the listing is generic only \
                                 over the list of an iterator class that hands its \
                                 items on unread",
                                param.rust()
                            ),
                        });
                    }
                }
            }
        });
    }
    out.sort_by_key(|u| (u.span.start, u.span.end));
    out.dedup_by_key(|u| u.span.clone());
    out
}

/// Whether values of the types `a` and `b` can never share one Rust type:
/// a string and a number or a boolean, a boolean and a number, or
/// containers of such.
pub(super) fn clash(a: &Ty, b: &Ty) -> bool {
    match (a, b) {
        (Ty::Str, Ty::Int | Ty::Float | Ty::Bool) | (Ty::Int | Ty::Float | Ty::Bool, Ty::Str) => {
            true
        }
        (Ty::Bool, Ty::Int | Ty::Float) | (Ty::Int | Ty::Float, Ty::Bool) => true,
        // A `PyValue` is made from a value only where it is written.
        (Ty::Mixed, Ty::List(_) | Ty::Dict(..) | Ty::Tuple(_) | Ty::Set(_))
        | (Ty::List(_) | Ty::Dict(..) | Ty::Tuple(_) | Ty::Set(_), Ty::Mixed) => true,
        (Ty::List(a), Ty::List(b)) | (Ty::Set(a), Ty::Set(b)) => clash(a, b),
        (Ty::Tuple(a), Ty::Tuple(b)) if a.len() == b.len() => {
            a.iter().zip(b).any(|(a, b)| clash(a, b))
        }
        _ => false,
    }
}
