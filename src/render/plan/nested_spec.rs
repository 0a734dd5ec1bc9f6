//! Format specs with nested fields (`f"{x:<{width}}"`, `f"{v:.{places}f}"`):
//! a field standing for the whole width or the whole precision becomes a
//! named `format!` argument (`{x:<width$}`); a literal one (`{10}`) is
//! written in place.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{ExprKind as E, FormatPart, Literal};
use crate::render::plan::ir::expr::{Expr, Spec};

/// The spec of `parts` when each nested field is a whole width or a whole
/// precision, read from an integer variable or literal (or one of them plus
/// or minus a literal); `Ok(None)` for another spec.
pub(super) fn spec(p: &Planner, sc: &Scope, parts: &[FormatPart]) -> Result<Option<Spec>> {
    let mut text = String::new();
    // Where each computed field stands in `text` (one marker digit), and its value.
    let mut fields: Vec<(usize, Expr)> = Vec::new();
    for part in parts {
        match part {
            FormatPart::Literal(s) => text.push_str(s),
            FormatPart::Field {
                value,
                conversion: None,
                spec,
                debug: None,
            } if spec.is_empty() => match &value.kind {
                E::Literal(Literal::Int(n)) if *n >= 0 => text.push_str(&n.to_string()),
                _ if simple(value) => {
                    fields.push((text.chars().count(), p.expr(sc, value)?));
                    text.push('1');
                }
                _ => {
                    return refuse(
                        &value.span,
                        "this nested field of a format spec",
                        "the Rust listing reads a width or precision from a variable, a \
                         literal, or one of them plus or minus a literal",
                    );
                }
            },
            FormatPart::Field { value, .. } => {
                return refuse(
                    &value.span,
                    "this nested field of a format spec",
                    "the Rust listing reads a width or precision without a spec or conversion",
                );
            }
        }
    }
    let Some(mut spec) = super::expr::rust_spec(&text) else {
        return Ok(None);
    };
    let chars: Vec<char> = text.chars().collect();
    let mut rust: Vec<String> = spec.rust.chars().map(String::from).collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    for (k, (at, value)) in fields.into_iter().enumerate().rev() {
        // The marker must be all of its number, and not the fill (`{f}<5`).
        let fill = matches!(chars.get(at + 1), Some('<' | '>' | '^'));
        if (at > 0 && digit(at - 1))
            || digit(at + 1)
            || fill
            || rust.get(at).map(String::as_str) != Some("1")
        {
            return Ok(None);
        }
        rust[at] = format!("{{{k}}}");
        spec.nested.insert(0, value);
    }
    spec.rust = rust.concat();
    Ok(Some(spec))
}

/// A name or a non-negative int literal, or one of them plus or minus such a literal.
fn simple(e: &crate::program::Expr) -> bool {
    use crate::program::BinOp;
    match &e.kind {
        E::Name(_) => true,
        E::Literal(Literal::Int(n)) => *n >= 0,
        E::BinOp(BinOp::Add | BinOp::Sub, a, b) => {
            matches!(a.kind, E::Name(_)) && matches!(b.kind, E::Literal(Literal::Int(_)))
        }
        _ => false,
    }
}
