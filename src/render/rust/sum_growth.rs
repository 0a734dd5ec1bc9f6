//! Integers a loop doubles by addition where Python's grow without bound.
//! In a program whose integers are `i64`s (see `big_ints`), a sum that adds
//! a name to itself (`x += x`, `x = x + x`) or to its own previous value
//! (`a, b = b, a + b`) can double each round, and an `i64` would overflow
//! where Python prints a big number. The listing keeps the `i64` only where
//! its loops go over `range` of literals or a list display and the names
//! start from integer literals, so that doubling once a round stays below
//! `2**63`; any other such sum is listed as not translated, at its
//! statement. A sum of a name and other values (`total += item`) grows by
//! what it adds, not by itself, and is left alone.

use super::int_growth::{Loop, MAX_BITS, int_value, loop_of};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Block, Demo, Function, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Expr, ExprKind};

/// The names a statement sets with the value each gets: `var = value`, or
/// each name of `a, b = x, y` with its item.
fn sets<'a>(var: &'a str, value: &'a Expr) -> Vec<(&'a str, &'a Expr)> {
    match (
        var.strip_prefix('(').and_then(|v| v.strip_suffix(')')),
        &value.kind,
    ) {
        (Some(names), ExprKind::Tuple(items)) => {
            let names: Vec<&str> = names.split(", ").collect();
            if names.len() == items.len() {
                names.into_iter().zip(items).collect()
            } else {
                Vec::new()
            }
        }
        (Some(_), _) => Vec::new(),
        (None, _) => vec![(var, value)],
    }
}

/// The names a sum adds (`a + b + 1` adds `a` and `b`).
fn addends<'a>(e: &'a Expr, out: &mut Vec<&'a str>) {
    match &e.kind {
        ExprKind::Binary(BinaryOp::Add, a, b) => {
            addends(a, out);
            addends(b, out);
        }
        ExprKind::Var(n) => out.push(n),
        _ => {}
    }
}

/// Every `(name, value)` a loop body sets, at any depth.
fn loop_sets(body: &Block) -> Vec<(&str, &Expr)> {
    let mut out = Vec::new();
    crate::render::plan::ir::ast::walk(body, &mut |s| {
        if let StmtKind::Set { var, value } = &s.kind {
            out.extend(sets(var, value));
        }
    });
    out
}

/// The partner of `var` in a sum set in a loop whose sets are `round`:
/// `var` itself when the sum adds it twice, or a name the loop sets to
/// `var` (or to a sum adding `var`), its previous value.
fn doubling<'a>(var: &str, value: &'a Expr, round: &[(&str, &Expr)]) -> Option<&'a str> {
    let mut names = Vec::new();
    addends(value, &mut names);
    if !matches!(value.kind, ExprKind::Binary(BinaryOp::Add, ..)) {
        return None;
    }
    let own = names.iter().filter(|n| **n == var).count();
    if own >= 2 {
        return names.into_iter().find(|n| *n == var);
    }
    names.into_iter().find(|other| {
        *other != var
            && own == 1
            && round.iter().any(|(n, v)| {
                n == other && {
                    let mut from = Vec::new();
                    addends(v, &mut from);
                    from.contains(&var)
                }
            })
    })
}

/// The greatest magnitude of the values `names` start from in `f`: integer
/// literals, other than sums and copies among the names themselves; `None`
/// when a name is a parameter or is set to anything else.
fn start_of(f: &Function, names: &[&str]) -> Option<f64> {
    if f.params.iter().any(|p| names.contains(&p.as_str())) {
        return None;
    }
    let mut largest = Some(1.0f64);
    f.walk(&mut |s| match &s.kind {
        StmtKind::Set { var, value } => {
            for (n, v) in sets(var, value) {
                if !names.contains(&n) {
                    continue;
                }
                let mut from = Vec::new();
                addends(v, &mut from);
                let among = matches!(
                    v.kind,
                    ExprKind::Var(_) | ExprKind::Binary(BinaryOp::Add, ..)
                ) && !from.is_empty()
                    && from.iter().all(|m| names.contains(m));
                if !among {
                    largest = match (largest, int_value(v)) {
                        (Some(l), Some(k)) => Some(l.max(k.unsigned_abs() as f64)),
                        _ => None,
                    };
                }
            }
        }
        StmtKind::For { var, .. } if names.contains(&var.as_str()) => largest = None,
        _ => {}
    });
    largest
}

/// Each doubling sum in a loop of `block`, with its loops (`round`: the
/// sets of the outermost loop).
fn sums<'a>(
    f: &'a Function,
    block: &'a Block,
    loops: &mut Vec<Loop<'a>>,
    round: &[(&'a str, &'a Expr)],
    types: &Types,
    out: &mut Vec<Untranslatable>,
) {
    for s in block {
        match &s.kind {
            StmtKind::Set { var, value } if !loops.is_empty() => {
                for (name, v) in sets(var, value) {
                    if types.var(&f.name, name) != Ty::Int {
                        continue;
                    }
                    let Some(partner) = doubling(name, v, round) else {
                        continue;
                    };
                    let runs: Option<f64> = loops.iter().map(|l| l.count).product();
                    let bits = start_of(f, &[name, partner])
                        .zip(runs)
                        .map(|(start, runs)| start.log2() + runs + 1.0);
                    if !bits.is_some_and(|b| b < MAX_BITS) {
                        out.push(Untranslatable {
                            span: s.span.clone(),
                            construct: format!("`{name}` summed with its own value in a loop"),
                            reason: "a sum of a name and its own value can double each round: \
                                     Python's integer grows without bound, Rust's `i64` \
                                     overflows past 2**63; the listing keeps an `i64` where \
                                     the names start from literals and the loops go over \
                                     `range` of literals or a list display"
                                .into(),
                        });
                        break;
                    }
                }
            }
            StmtKind::For { body, .. } | StmtKind::While { body, .. } => {
                loops.push(match &s.kind {
                    StmtKind::For { var, over, .. } => loop_of(var, over),
                    _ => Loop::unknown(),
                });
                let inner = if round.is_empty() {
                    loop_sets(body)
                } else {
                    round.to_vec()
                };
                sums(f, body, loops, &inner, types, out);
                loops.pop();
            }
            _ => {
                for inner in s.blocks() {
                    sums(f, inner, loops, round, types, out);
                }
            }
        }
    }
}

/// Every integer sum of `demo` that could double past `i64` where Python's
/// integer grows, in a program whose integers are `i64`s.
pub(super) fn unbounded_sums(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    if super::big_ints::writes_big_ints(demo) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for f in &demo.functions {
        sums(f, &f.body, &mut Vec::new(), &[], types, &mut out);
    }
    out
}
