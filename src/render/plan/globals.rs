//! The module's shared variables: a name the module binds once, at its
//! top level, to a whole number or a boolean that a function sets (with
//! `global`), or to an empty list that a function changes in place
//! (`log.append(x)`), is a `static` the functions share, as the
//! program's tasks share the global. Its plan name is the name in
//! capitals, as Rust names its statics; the Rust listing makes a number an
//! atomic and a list a `Mutex<Vec<_>>`.

use super::Planner;
use super::module::bound;
use crate::program::{self as py, ExprKind as E, Literal, Name, Stmt, StmtKind as P, Target};
use crate::render::plan::ir::expr::{Expr, ExprKind, StrMethod};
use crate::render::plan::ir::value::Value;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The module's shared variables and their first values, in source order.
pub(super) fn statics<'p>(
    code: &[&'p Stmt],
    functions: &[&'p [Stmt]],
    consts: &HashMap<Arc<str>, &py::Expr>,
    tables: &HashSet<Arc<str>>,
) -> Vec<(Arc<str>, &'p py::Expr)> {
    let owned: Vec<Stmt> = code.iter().map(|s| (*s).clone()).collect();
    let module = bound(&owned, false);
    let assigned: HashSet<Arc<str>> = functions
        .iter()
        .flat_map(|body| bound(body, true).into_keys())
        .collect();
    let changed: HashSet<Arc<str>> = functions
        .iter()
        .flat_map(|body| changed_in_place(body))
        .collect();
    // A number is shared when a function sets it, a list when one changes
    // it in place (and none sets it).
    let qualifies = |first: &Value, n: &Arc<str>| match first {
        Value::List(items) if !items.is_empty() => tables.contains(n),
        Value::List(_) => changed.contains(n) && !assigned.contains(n),
        _ => assigned.contains(n),
    };
    let mut out = Vec::new();
    for s in code {
        if let P::Assign { targets, value } = &s.kind
            && let [Target::Name(Name::Global(n))] = targets.as_slice()
            && let Some(first) = first_value(value)
            && module.get(n) == Some(&1)
            && !consts.contains_key(n)
            && qualifies(&first, n)
        {
            out.push((n.clone(), value));
        }
    }
    out
}

/// The globals that a method changes in place in `body`, as a statement
/// of its own (`log.append(x)`).
fn changed_in_place(body: &[Stmt]) -> HashSet<Arc<str>> {
    let mut out = HashSet::new();
    crate::program::walk(body, &mut |s| {
        if let P::Expr(e) = &s.kind
            && let E::Call(f, _) = &e.kind
            && let E::Attr(obj, m) = &f.kind
            && let E::Name(Name::Global(n)) = &obj.kind
            && StrMethod::ALL
                .iter()
                .any(|(name, _, method)| *name == &**m && method.mutates())
        {
            out.insert(n.clone());
        }
    });
    out
}

/// The value a shared variable starts with: a whole number, a boolean, an
/// empty list or a constant table.
fn first_value(e: &py::Expr) -> Option<Value> {
    match &e.kind {
        E::List(items) if items.is_empty() => Some(Value::List(Arc::new(Vec::new()))),
        E::List(_) => super::const_lists::table(e),
        E::Literal(Literal::Int(i)) => Some(Value::Int(*i)),
        E::Literal(Literal::Bool(b)) => Some(Value::Bool(*b)),
        E::UnaryOp(py::UnaryOp::Neg, x) => match x.kind {
            E::Literal(Literal::Int(i)) => i.checked_neg().map(Value::Int),
            _ => None,
        },
        _ => None,
    }
}

/// The Rust name of the shared variable `name`.
fn static_name(name: &str) -> String {
    name.to_uppercase()
}

impl Planner<'_> {
    /// The plan name of the global `name` when it is a shared variable.
    pub(super) fn shared(&self, name: &str) -> Option<String> {
        self.statics
            .iter()
            .any(|(n, _)| &**n == name)
            .then(|| static_name(name))
    }

    /// Whether `s` binds a shared variable first (the listing's `static`
    /// item holds that value instead).
    pub(super) fn defines_static(&self, s: &Stmt) -> bool {
        matches!(&s.kind, P::Assign { value, .. } if self.statics.iter().any(|(_, v)| std::ptr::eq(*v, value)))
    }

    /// The shared variables of the plan: Rust name and first value.
    pub(super) fn plan_statics(&self) -> Vec<(String, Expr)> {
        self.statics
            .iter()
            .filter_map(|(name, value)| {
                let span = value.span.clone();
                let kind = match first_value(value) {
                    Some(first) => ExprKind::Lit(first),
                    // A lookup dict (`lookup_dicts`): its display.
                    None => self.expr(&super::scope::Scope::init(), value).ok()?.kind,
                };
                Some((static_name(name), Expr { kind, span }))
            })
            .collect()
    }
}
