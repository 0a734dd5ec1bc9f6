//! Integers beside floats at one place of a list display's tuples that a
//! comprehension goes over and passes to a function of the program, as
//! `[asyncio.create_task(get(n, s)) for n, s in [("a", 1), ("b", 1.5)]]`:
//! Python keeps `1` an integer, and the function gives it back as one
//! (`return s` prints `1`), so that place is the listing's `Number` (see
//! `numbers`), and so is the parameter it is passed to.

use super::tuples::pattern_names;
use crate::render::plan::ir::ast::{Call, Demo};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use std::collections::HashMap;
use std::ops::Range;

/// The calls of the program's functions a comprehension's value makes.
fn calls_of(value: &Expr) -> Vec<&Call> {
    match &value.kind {
        ExprKind::Spawn(call) | ExprKind::Coro(call) | ExprKind::Await(call) => vec![call],
        _ => Vec::new(),
    }
}

/// The list displays such comprehensions go over, with their mixed places
/// that bind names passed whole to a call of the comprehension's value.
pub(super) fn passed_number_lists(demo: &Demo) -> HashMap<Range<usize>, Vec<usize>> {
    let mut out = HashMap::new();
    super::expr_walk::each_program_expr(demo, &mut |x| {
        let ExprKind::Comp {
            value, var, over, ..
        } = &x.kind
        else {
            return;
        };
        let ExprKind::List(items) = &over.kind else {
            return;
        };
        let Some(names) = pattern_names(var) else {
            return;
        };
        let passed = |n: &str| {
            calls_of(value).iter().any(|c| {
                c.args
                    .iter()
                    .any(|a| matches!(&a.kind, ExprKind::Var(v) if v == n))
            })
        };
        let places: Vec<usize> = super::number_ops::mixed_places(items)
            .into_iter()
            .filter(|at| names.get(*at).is_some_and(|n| passed(n)))
            .collect();
        if !places.is_empty() {
            out.insert(over.span.clone(), places);
        }
    });
    out
}
