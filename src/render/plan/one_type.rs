//! Values Python mixes and Rust types once: a dict's values of two kinds,
//! a printed loop variable that is an integer here and a float there, the
//! `TypeError` of `"1" + 1` (Rust's types reject it before it runs).

use super::expr::{Kind, kind_of};
use super::{Result, Untranslatable, refuse};
use crate::render::plan::ir::ast::{Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind, Part};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

/// Whether `e` is an integer literal (`Some(true)`), a float literal
/// (`Some(false)`) or another expression.
fn int_literal(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Lit(Value::Int(_)) => Some(true),
        ExprKind::Lit(Value::Float(_)) => Some(false),
        _ => None,
    }
}

/// The values of a dict literal (its `(key, value)` tuples): one kind,
/// or strings, numbers and booleans (the listing's `PyValue`, or its
/// `Number` for integers beside floats).
pub(super) fn dict_values(items: &[Expr], span: &Range<usize>) -> Result<()> {
    let values: Vec<&Expr> = items
        .iter()
        .filter_map(|kv| match &kv.kind {
            ExprKind::Tuple(pair) => pair.get(1),
            _ => None,
        })
        .collect();
    let kinds: Vec<_> = values.iter().filter_map(|v| kind_of(v)).collect();
    let scalar = |k: &Kind| matches!(k, Kind::Number | Kind::Str | Kind::Bool);
    match kinds
        .iter()
        .find(|k| **k != kinds[0] && !(scalar(k) && scalar(&kinds[0])))
    {
        Some(k) => refuse(
            span,
            format!("a dict holding {} and {}", kinds[0].noun(), k.noun()),
            "a Rust `IndexMap` holds values of one type",
        ),
        None => Ok(()),
    }
}

/// The places of a list literal's tuples holding an integer in one tuple
/// and a float in another.
fn mixed_places(items: &[Expr]) -> Vec<usize> {
    let tuples: Vec<&Vec<Expr>> = items
        .iter()
        .filter_map(|x| match &x.kind {
            ExprKind::Tuple(t) => Some(t),
            _ => None,
        })
        .collect();
    let width = tuples.iter().map(|t| t.len()).max().unwrap_or(0);
    (0..width)
        .filter(|at| {
            let ints: Vec<bool> = tuples
                .iter()
                .filter_map(|t| t.get(*at).and_then(int_literal))
                .collect();
            ints.iter().any(|i| *i) && ints.iter().any(|i| !*i)
        })
        .collect()
}

/// `for (a, b) in [(1, 2.5), (1.0, 2)]:` whose body prints a variable
/// that is an integer in one tuple and a float in another: Rust's one
/// type prints the integer `1` as `1.0`. The blockers, one per loop.
pub(super) fn printed_mixed(demo: &Demo) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            let StmtKind::For { var, over, body } = &s.kind else {
                return;
            };
            let ExprKind::List(items) = &over.kind else {
                return;
            };
            let names: Vec<&str> = var
                .trim_matches(|c| c == '(' || c == ')')
                .split(',')
                .map(str::trim)
                .collect();
            let mixed: Vec<&str> = mixed_places(items)
                .into_iter()
                .filter_map(|at| names.get(at).copied())
                .collect();
            let mut printed = false;
            walk(body, &mut |s| {
                if let StmtKind::Print(t) = &s.kind {
                    printed |= t.parts.iter().any(|p| {
                        matches!(p, Part::Hole(e) | Part::Spec(e, _)
                            if matches!(&e.kind, ExprKind::Var(v) if mixed.contains(&v.as_str())))
                    });
                }
            });
            if printed {
                out.push(Untranslatable {
                    span: over.span.clone(),
                    construct: "a list of tuples holding an integer and a float at one place"
                        .into(),
                    reason: "Rust gives each place of a tuple one type, and prints the integer \
                             `1` as `1.0`"
                        .into(),
                });
            }
        });
    }
    out
}

/// `a + b` of a string and a number: Python's `TypeError`.
pub(super) fn add(a: &Expr, b: &Expr, span: &Range<usize>) -> Result<()> {
    let (ka, kb) = (kind_of(a), kind_of(b));
    if let (Some(ka), Some(kb)) = (ka, kb)
        && ka != kb
    {
        return refuse(
            span,
            format!("adding {} and {}", ka.noun(), kb.noun()),
            "Python raises `TypeError` there; Rust's types reject the sum before it runs",
        );
    }
    Ok(())
}
