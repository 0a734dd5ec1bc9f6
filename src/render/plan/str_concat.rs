//! `+` of formatted text (`f"{name:<8}" + f"{n:>4}" + " s"`, `format(x,
//! spec) + "|"`): one template, so the listing writes one `format!`
//! rather than a `format!` of `format!`s.

use super::expr::push_text;
use crate::render::plan::ir::expr::{Expr, ExprKind, Part, Template};
use crate::render::plan::ir::value::Value;

/// The parts of a string literal or a template; `None` for another value.
fn parts(e: &Expr) -> Option<Vec<Part>> {
    match &e.kind {
        ExprKind::Lit(Value::Str(s)) => Some(vec![Part::Text(s.to_string())]),
        ExprKind::Template(t) => Some(t.parts.clone()),
        _ => None,
    }
}

/// `a + b` as one template, when one side is a template and the other a
/// template or a string literal (both strings, so `+` joins them).
pub(super) fn joined(a: &Expr, b: &Expr) -> Option<Template> {
    if !matches!(a.kind, ExprKind::Template(_)) && !matches!(b.kind, ExprKind::Template(_)) {
        return None;
    }
    let mut out = Vec::new();
    for part in parts(a)?.into_iter().chain(parts(b)?) {
        match part {
            Part::Text(t) => push_text(&mut out, &t),
            p => out.push(p),
        }
    }
    Some(Template { parts: out })
}
