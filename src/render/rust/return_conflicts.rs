//! A function whose `return`s give values of types Rust cannot hold in
//! one, as `return int(text)` beside `return "ok"`: Python returns either,
//! a Rust function one type. Listed as not translated at the `return`
//! whose type clashes with an earlier one, rather than shown as a listing
//! that does not build.

use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind, walk};

/// The kind of value a `return` gives, for the types compared here: a
/// number (integers and floats are one, as the listing widens them), a
/// string, a list, a tuple or a dict.
fn kind(ty: &Ty) -> Option<&'static str> {
    match ty {
        Ty::Int | Ty::Float => Some("a number"),
        Ty::Str => Some("a string"),
        Ty::List(_) => Some("a list"),
        Ty::Tuple(_) => Some("a tuple"),
        Ty::Dict(..) => Some("a dict"),
        _ => None,
    }
}

/// Each `return` of a value whose kind differs from an earlier `return`
/// of the same function.
pub(super) fn return_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        let mut first: Option<&'static str> = None;
        walk(&f.body, &mut |s| {
            let StmtKind::Return(Some(e)) = &s.kind else {
                return;
            };
            let Some(k) = kind(&types.expr_ty(&f.name, e)) else {
                return;
            };
            match first {
                None => first = Some(k),
                Some(before) if before != k => out.push(Untranslatable {
                    span: e.span.clone(),
                    construct: format!("a `return` of {k} beside one of {before}"),
                    reason: "a Rust function returns values of one type".into(),
                }),
                Some(_) => {}
            }
        });
    }
    out
}
