//! A function other than a coroutine that returns `None` in one place and a
//! value in another: in Rust that is an `Option`, which the listing writes
//! only for a coroutine's result.

use super::Untranslatable;
use crate::render::plan::ir::ast::{Demo, FunctionKind, StmtKind, walk};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;

/// Each `return None` (or bare `return`) of a function that also returns
/// a value.
pub(super) fn returns_mixed(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        // A coroutine's result is then an `Option` (see `rust::options`).
        if matches!(f.kind, FunctionKind::Coroutine | FunctionKind::Blocking) {
            continue;
        }
        let mut nones = Vec::new();
        let mut value = false;
        walk(&f.body, &mut |s| match &s.kind {
            StmtKind::Return(None) => nones.push(s.span.clone()),
            StmtKind::Return(Some(e)) if matches!(e.kind, ExprKind::Lit(Value::None)) => {
                nones.push(s.span.clone())
            }
            StmtKind::Return(Some(_)) => value = true,
            _ => {}
        });
        if value {
            out.extend(nones.into_iter().map(|span| {
                Untranslatable {
                    span,
                    construct: "`return None` beside a `return` of a value".into(),
                    reason: "a Rust function returns one type: this would be an `Option`, which \
                         the listing does not write for a function's result yet"
                        .into(),
                }
            }));
        }
    }
    out
}
