//! Which integer parameters are whole numbers of seconds: slept whole and
//! printed, never computed with, and given only non-negative integer
//! literals by every call. They become `u64` parameters, so their duration
//! is `Duration::from_secs(seconds)`, with no cast, and they print as
//! Python prints them.

use super::durations::{Seconds, SecondsUses, binds};
use super::expr_walk::each_function_expr;
use super::promoted::calls_of;
use super::types::{Ty, Types};
use crate::render::plan::ir::ast::{Demo, FunctionKind, StmtKind};
use crate::render::plan::ir::expr::ExprKind;
use crate::render::plan::ir::value::Value;
use std::collections::{HashMap, HashSet};

/// The `(function, parameter)` pairs written `u64`.
pub(super) fn whole_params(
    demo: &Demo,
    types: &Types,
    durations: &HashMap<(String, String), Seconds>,
) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for f in &demo.functions {
        if !matches!(
            f.kind,
            FunctionKind::Coroutine | FunctionKind::Generator | FunctionKind::Blocking
        ) {
            continue;
        }
        for (i, p) in f.params.iter().enumerate() {
            let key = (f.name.clone(), p.clone());
            if durations.contains_key(&key) || types.var(&f.name, p) != Ty::Int {
                continue;
            }
            if only_slept_and_printed(f, p) && given_whole_literals(demo, &f.name, i) {
                out.insert(key);
            }
        }
    }
    out
}

/// Whether `p` is never bound again, slept whole at least once, and
/// otherwise only a whole hole of a template.
fn only_slept_and_printed(f: &crate::render::plan::ir::ast::Function, p: &str) -> bool {
    let mut uses = SecondsUses::default();
    let mut bound = false;
    f.walk(&mut |s| {
        bound |= matches!(&s.kind, StmtKind::Set { var, .. } if var == p)
            || binds(s).is_some_and(|v| v == p);
        uses.count(s, p, false);
    });
    !bound && uses.timed > 0 && uses.total == uses.timed + uses.printed
}

/// Whether the function is called, and every call gives its `i`-th
/// parameter a non-negative integer literal.
fn given_whole_literals(demo: &Demo, name: &str, i: usize) -> bool {
    let (mut calls, mut whole) = (0, 0);
    let mut as_value = false;
    each_function_expr(demo, &mut |_, x| {
        as_value |= matches!(&x.kind, ExprKind::Function(n) if n == name);
    });
    for f in &demo.functions {
        f.walk(&mut |s| {
            for call in calls_of(s).into_iter().filter(|c| c.name == name) {
                calls += 1;
                if matches!(
                    call.args.get(i).map(|a| &a.kind),
                    Some(ExprKind::Lit(Value::Int(n))) if *n >= 0
                ) {
                    whole += 1;
                }
            }
        });
    }
    !as_value && calls > 0 && calls == whole
}
