//! A class of the program with nothing in it (`class N: pass`) that the
//! listing never makes: the program makes it only where Python refuses
//! what is done with it (`abs(N())`, a `TypeError` the listing raises), so
//! Rust would warn of a struct never constructed. The listing leaves it out.

use super::expr_walk::each_program_expr;
use crate::render::plan::ir::ast::{Demo, FunctionKind};
use crate::render::plan::ir::expr::{Builtin, ExprKind};
use std::collections::HashSet;

/// The empty classes of `demo` that none of its expressions makes (an
/// object only `isinstance` asks of is left unmade).
pub(super) fn unmade(demo: &Demo) -> HashSet<String> {
    let mut asked = HashSet::new();
    each_program_expr(demo, &mut |x| {
        if let ExprKind::Call(Builtin::IsInstance, args) = &x.kind
            && let Some(ExprKind::New(_)) = args.first().map(|a| &a.kind)
        {
            asked.insert(args[0].span.clone());
        }
    });
    let mut made = HashSet::new();
    each_program_expr(demo, &mut |x| {
        if let ExprKind::New(call) = &x.kind
            && !asked.contains(&x.span)
        {
            made.insert(call.name.clone());
        }
    });
    demo.functions
        .iter()
        .filter(|f| {
            f.kind == FunctionKind::Object
                && f.fields.is_empty()
                && f.body.is_empty()
                && f.params.is_empty()
                && !made.contains(&f.name)
                && !demo
                    .functions
                    .iter()
                    .any(|m| m.name.starts_with(&format!("{}.", f.name)))
        })
        .map(|f| f.name.clone())
        .collect()
}
