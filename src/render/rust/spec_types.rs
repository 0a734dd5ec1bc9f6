//! A format spec (`f"{x:spec}"`, `format(x, spec)`, a `.format` field)
//! whose value's inferred type Python formats otherwise than `format!`
//! would, or not at all: `d` or `x` of a float and `f` of a string
//! (Python's `ValueError`), a spec of a list or `None` (`TypeError`), and
//! any spec of a boolean, which Python formats as the integer it is (an
//! enum member takes fill, alignment and width). The
//! program is listed as not translated, at the value.

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind};
use crate::render::plan::ir::expr::{Expr, ExprKind, Part, PySpec, Spec, Template};

/// Whether the Rust spec sets a sign, `#` or zero padding after its fill
/// and alignment: options of numbers only.
fn number_flags(rust: &str) -> bool {
    let chars: Vec<char> = rust.chars().collect();
    let is_align = |c: &char| matches!(c, '<' | '>' | '^');
    let start = if chars.get(1).is_some_and(is_align) {
        2
    } else {
        usize::from(chars.first().is_some_and(is_align))
    };
    matches!(chars.get(start), Some('+' | '#' | '0'))
}

/// What a value of type `ty` is, and why Python does not format it as
/// `format!` does with `spec`; `None` when it does (or the type is not
/// known).
fn mismatch(ty: &Ty, spec: &Spec) -> Option<(&'static str, &'static str)> {
    let kind = spec.kind;
    let short = matches!(spec.python, Some(PySpec::Short(_)));
    match ty {
        Ty::Unknown | Ty::Int | Ty::Float | Ty::Str | Ty::Enum(_) => {}
        Ty::Bool => {
            return Some((
                "a boolean",
                "Python formats a boolean with a spec as the integer it is (`1`), Rust's \
                 `format!` as `true`: write `int(flag)`",
            ));
        }
        _ => {
            return Some((
                "a value that is no number or string",
                "Python's `format` raises a `TypeError` for a spec of such a value",
            ));
        }
    }
    let fits = match ty {
        Ty::Str => {
            matches!(kind, None | Some('s')) && spec.python.is_none() && !number_flags(&spec.rust)
        }
        Ty::Int => kind != Some('s') && !(kind.is_none() && short),
        Ty::Float => !matches!(kind, Some('d' | 's' | 'x' | 'X' | 'o' | 'b')),
        // The listing's `Display` pads (an `IntEnum` as its value): fill,
        // alignment and width only.
        Ty::Enum(_) => kind.is_none() && spec.python.is_none() && !number_flags(&spec.rust),
        _ => true,
    };
    if fits {
        return None;
    }
    Some(match ty {
        Ty::Str => (
            "a string",
            "Python formats a string with fill, alignment, width and precision only: a number \
             type, sign or `,` raise a `ValueError`, and `0` pads its right side",
        ),
        Ty::Enum(_) => (
            "an enum member",
            "the listing formats an enum member with fill, alignment and width only",
        ),
        Ty::Int => (
            "an integer",
            "Python raises a `ValueError` for the type `s`, or a precision without a type, \
             with an integer",
        ),
        _ => (
            "a float",
            "Python raises a `ValueError` for the types `d`, `x`, `o`, `b` and `s` with a float \
             (and `%d` cuts it to an integer): write `int(x)`",
        ),
    })
}

/// The refusal of each spec of `t` that does not fit its value.
fn check(demo: &Demo, types: &Types, f: &str, t: &Template, out: &mut Vec<Untranslatable>) {
    for part in &t.parts {
        let Part::Spec(e, spec) = part else { continue };
        let ty = types.expr_ty(f, e);
        if let Some((noun, reason)) = mismatch(&ty, spec) {
            out.push(Untranslatable {
                span: e.span.clone(),
                construct: format!("this format spec of {noun}"),
                reason: reason.into(),
            });
        } else if let Some(reason) = super::spec_forms::refusal(demo, types, f, e, &ty, spec) {
            out.push(Untranslatable {
                span: e.span.clone(),
                construct: format!(
                    "the format type `{}` of this number",
                    spec.kind.unwrap_or('?')
                ),
                reason: reason.into(),
            });
        }
    }
}

/// Every format spec of `demo` that does not fit its value's type.
pub(super) fn spec_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            if let StmtKind::Print(t) | StmtKind::Eprint(t) = &s.kind {
                check(demo, types, &f.name, t, &mut out);
            }
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x: &Expr| {
                    if let ExprKind::Template(t) = &x.kind {
                        check(demo, types, &f.name, t, &mut out);
                    }
                });
            }
        });
    }
    out
}
