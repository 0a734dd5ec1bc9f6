//! Values Python mixes and Rust types once: a dict's values of two kinds,
//! the `TypeError` of `"1" + 1` (Rust's types reject it before it runs).

use super::expr::{Kind, kind_of};
use super::{Result, refuse};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use std::ops::Range;

/// The values of a dict literal (its `(key, value)` tuples): one kind,
/// or strings, numbers, booleans and lists (the listing's `PyValue`, or
/// its `Number` for integers beside floats).
pub(super) fn dict_values(items: &[Expr], span: &Range<usize>) -> Result<()> {
    let values: Vec<&Expr> = items
        .iter()
        .filter_map(|kv| match &kv.kind {
            ExprKind::Tuple(pair) => pair.get(1),
            _ => None,
        })
        .collect();
    let kinds: Vec<_> = values.iter().filter_map(|v| kind_of(v)).collect();
    // Lists of them too (see `rust::mixed_nest`).
    let scalar = |k: &Kind| {
        matches!(
            k,
            Kind::Number | Kind::Str | Kind::Bool | Kind::None | Kind::List
        )
    };
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
