//! Values Python mixes and Rust types once: a dict's values of two kinds,
//! a list of tuples with an integer and a float at one place, and the
//! `TypeError` of `"1" + 1` (Rust's types reject it before it runs).

use super::expr::kind_of;
use super::{Result, refuse};
use crate::render::plan::ir::expr::{Expr, ExprKind};
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

/// The values of a dict literal (its `(key, value)` tuples): one kind.
pub(super) fn dict_values(items: &[Expr], span: &Range<usize>) -> Result<()> {
    let kinds: Vec<_> = items
        .iter()
        .filter_map(|kv| match &kv.kind {
            ExprKind::Tuple(pair) => pair.get(1).and_then(kind_of),
            _ => None,
        })
        .collect();
    match kinds.iter().find(|k| **k != kinds[0]) {
        Some(k) => refuse(
            span,
            format!("a dict holding {} and {}", kinds[0].noun(), k.noun()),
            "a Rust `IndexMap` holds values of one type",
        ),
        None => Ok(()),
    }
}

/// The tuples of a list literal: an integer and a float at one place.
pub(super) fn list_tuples(items: &[Expr], span: &Range<usize>) -> Result<()> {
    let tuples: Vec<&Vec<Expr>> = items
        .iter()
        .filter_map(|x| match &x.kind {
            ExprKind::Tuple(t) => Some(t),
            _ => None,
        })
        .collect();
    let width = tuples.iter().map(|t| t.len()).max().unwrap_or(0);
    for at in 0..width {
        let ints: Vec<bool> = tuples
            .iter()
            .filter_map(|t| t.get(at).and_then(int_literal))
            .collect();
        if ints.iter().any(|i| *i) && ints.iter().any(|i| !*i) {
            return refuse(
                span,
                "a list of tuples holding an integer and a float at one place",
                "Rust gives each place of a tuple one type, and prints the integer `1` as `1.0`",
            );
        }
    }
    Ok(())
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
