//! A container given values of two types after it is made: a list given
//! a string and `None` by two `append`s (or by `insert`, `extend`, `+=`,
//! `xs[i] = v`), a dict given keys of two types by `d[k] = v`, a set by
//! `add`, a list its function's caller made of one type and the function
//! grows with another. A Rust container holds one type, so such a program
//! is listed as not translated at the second value's place, naming where
//! the first was given. A list, or a dict's values, given strings beside
//! numbers one at a time is one of `PyValue`s (see `grown` and `mixed`),
//! refused only where it is made of plain values (`[1]`) or extended by a
//! list of them. Integers beside floats build as `f64`s, refused only where
//! the program shows the container, whose integers would print `1.0` where
//! Python prints `1`.

use super::analysis::stmt_exprs;
use super::expr_walk::each_expr;
use super::statics::STATICS;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Function, StmtKind, walk};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod};
use std::collections::BTreeMap;
use std::ops::Range;

/// Which part of a container a value goes to.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Item,
    Key,
    Value,
}

/// One value a container is given: where, of what type, into which part,
/// and how.
struct Given {
    span: Range<usize>,
    ty: Ty,
    slot: Slot,
    how: How,
}

#[derive(Clone, Copy, PartialEq)]
enum How {
    /// In the display the container is made from.
    Made,
    /// One value added (`append`, `insert`, `add`, `xs[i] = v`, `d[k] = v`).
    One,
    /// The items of another container (`extend`, `+=`).
    Many,
}

/// Every value given a container of `demo` whose type is not the one its
/// other values gave it.
pub(super) fn mixed_growth(demo: &Demo, types: &Types, source: &str) -> Vec<Untranslatable> {
    // (scope, container) to the values it is given, with the function
    // that gives each one.
    let mut given: BTreeMap<(String, String), Vec<(String, Given)>> = BTreeMap::new();
    for (name, first) in &demo.statics {
        for g in made(types, STATICS, first) {
            given
                .entry((STATICS.into(), name.clone()))
                .or_default()
                .push((STATICS.into(), g));
        }
    }
    for f in &demo.functions {
        each_given(types, f, &mut |var, g| {
            let scope = if types.statics.contains(var) {
                STATICS
            } else {
                &f.name
            };
            given
                .entry((scope.to_string(), var.to_string()))
                .or_default()
                .push((f.name.clone(), g));
        });
    }
    let mut out = passed_lists(demo, types, source, &given);
    for ((scope, var), mut values) in given {
        values.sort_by_key(|(_, g)| g.span.start);
        let container = types.var(&scope, &var);
        for (f, g) in &values {
            let Some(want) = slot_ty(&container, g.slot) else {
                continue;
            };
            // A display is checked only against the enum its container
            // became as it grew: its items are not written as variants.
            if g.how == How::Made && !matches!(want, Ty::Mixed | Ty::Number) {
                continue;
            }
            let clash = clash(&want, &g.ty, g.how == How::One);
            let int_shown =
                want == Ty::Float && g.ty == Ty::Int && shown(demo, types, &scope, &var);
            if !clash && !int_shown {
                continue;
            }
            if g.how == How::Made {
                out.extend(made_refusal(source, &container, g, &values));
                continue;
            }
            let first = values
                .iter()
                .find(|(_, o)| {
                    o.slot == g.slot
                        && (o.ty == want
                            || (want == Ty::Mixed && o.ty != g.ty && o.ty != Ty::Unknown))
                })
                .map(|(_, o)| o.span.start)
                .map(|at| (at, ""))
                .or_else(|| passed_at(demo, f, &var).map(|at| (at, " where it is passed")));
            out.push(refusal(source, &container, g, &want, first));
        }
    }
    out
}

/// Every container passed to a parameter that its function grows, whose
/// items are of another type than what the function gives it.
fn passed_lists(
    demo: &Demo,
    types: &Types,
    source: &str,
    given: &BTreeMap<(String, String), Vec<(String, Given)>>,
) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            for call in super::promoted::calls_of(s) {
                let Some(g) = demo.function(&call.name) else {
                    continue;
                };
                for (p, arg) in g.params.iter().zip(&call.args) {
                    let param = types.var(&g.name, p);
                    let Some(grown) = given.get(&(g.name.clone(), p.clone())) else {
                        continue;
                    };
                    let got = types.expr_ty(&f.name, arg);
                    if !matches!(param, Ty::List(_) | Ty::Set(_) | Ty::Dict(..))
                        || !clash(&param, &got, false)
                    {
                        continue;
                    }
                    let Some(at) = grown
                        .iter()
                        .map(|(_, g)| g)
                        .find(|g| g.how != How::Made)
                        .map(|g| g.span.start)
                    else {
                        continue;
                    };
                    let (line, col) = crate::lesson::diagnostic::line_col(source, at);
                    out.push(Untranslatable {
                        span: arg.span.clone(),
                        construct: format!(
                            "{} passed to `{}`, which gives it {} at {line}:{col}",
                            described(&got),
                            g.name,
                            described(&param.elem()),
                        ),
                        reason: "a Rust container holds one type: give the function a \
                                 container of what it adds, or make an enum of the two \
                                 kinds (`enum Entry { Text(String), Count(i64) }`)"
                            .into(),
                    });
                }
            }
        });
    }
    out
}

/// The type a container of type `container` holds in `slot`.
fn slot_ty(container: &Ty, slot: Slot) -> Option<Ty> {
    match (container, slot) {
        (Ty::List(t) | Ty::Set(t), Slot::Item) | (Ty::Dict(t, _), Slot::Key) => Some((**t).clone()),
        (Ty::Dict(_, t), Slot::Value) => Some((**t).clone()),
        _ => None,
    }
}

/// The refusal of `g`, given a container whose `slot` holds `want`, the
/// first value of that type given at `first`.
fn refusal(
    source: &str,
    container: &Ty,
    g: &Given,
    want: &Ty,
    first: Option<(usize, &str)>,
) -> Untranslatable {
    let (kind, rust) = match container {
        Ty::Dict(..) => ("dict", "`IndexMap`"),
        Ty::Set(_) => ("set", "`BTreeSet`"),
        _ => ("list", "`Vec`"),
    };
    let part = match g.slot {
        Slot::Item => "",
        Slot::Key => " key",
        Slot::Value => " value",
    };
    let (this, other) = if want == &Ty::Float && g.ty == Ty::Int {
        ("an integer".to_string(), "a float".to_string())
    } else {
        (described(&g.ty), described(want))
    };
    let construct = match first {
        Some((at, passed)) => {
            let (line, col) = crate::lesson::diagnostic::line_col(source, at);
            format!("a {kind} given {this}{part} here and {other}{part}{passed} at {line}:{col}")
        }
        None => format!("a {kind} given {this}{part} here and {other}{part} elsewhere"),
    };
    let reason = if want == &Ty::Float && g.ty == Ty::Int {
        format!(
            "a Rust {rust} holds one type: as `f64`, the integer `1` prints `1.0` where Python \
             prints `1`; give the {kind} floats only (`1.0`)"
        )
    } else {
        format!(
            "a Rust {rust} holds one type: give the {kind} one type, or make an enum of the two \
             kinds (`enum Entry {{ Text(String), Count(i64) }}`) and give it its variants"
        )
    };
    Untranslatable {
        span: g.span.clone(),
        construct,
        reason,
    }
}

/// A value of type `t` as a learner would name it, a container by what
/// it holds (`a list of strings`).
fn described(t: &Ty) -> String {
    let plural = |t: &Ty| match t {
        Ty::Int | Ty::Float => "numbers",
        Ty::Str => "strings",
        Ty::Bool => "booleans",
        Ty::List(_) => "lists",
        Ty::Tuple(_) => "tuples",
        _ => "other values",
    };
    match t {
        Ty::List(x) if **x != Ty::Unknown => format!("a list of {}", plural(x)),
        Ty::Set(x) if **x != Ty::Unknown => format!("a set of {}", plural(x)),
        Ty::Dict(_, x) if **x != Ty::Unknown => format!("a dict of {}", plural(x)),
        _ => t.noun().into(),
    }
}

/// The refusal of the display value `g` of a container that grew into a
/// container of `PyValue`s: the display holds plain values.
fn made_refusal(
    source: &str,
    container: &Ty,
    g: &Given,
    values: &[(String, Given)],
) -> Option<Untranslatable> {
    let (kind, rust) = match container {
        Ty::Dict(..) => ("dict", "`IndexMap`"),
        _ => ("list", "`Vec`"),
    };
    let part = match g.slot {
        Slot::Value => " value",
        _ => "",
    };
    let (_, other) = values.iter().find(|(_, o)| {
        o.how != How::Made && o.slot == g.slot && o.ty != g.ty && o.ty != Ty::Unknown
    })?;
    let (line, col) = crate::lesson::diagnostic::line_col(source, other.span.start);
    Some(Untranslatable {
        span: g.span.clone(),
        construct: format!(
            "a {kind} made with {}{part} here and given {}{part} at {line}:{col}",
            described(&g.ty),
            described(&other.ty)
        ),
        reason: format!(
            "a Rust {rust} holds one type: the listing keeps strings beside numbers as one \
             enum, `PyValue`, for a {kind} made empty and then given them; make it empty and \
             add this value, or give the {kind} one type"
        ),
    })
}

/// Whether a container holding `want` cannot take a value of type `got`
/// (`one`: a value added alone, which the listing writes as a `PyValue`
/// or `Number` where the container holds those).
fn clash(want: &Ty, got: &Ty, one: bool) -> bool {
    let scalar = |t: &Ty| matches!(t, Ty::Int | Ty::Float | Ty::Bool | Ty::Str);
    match (want, got) {
        (Ty::Unknown, _) | (_, Ty::Unknown) => false,
        (a, b) if a == b => false,
        (Ty::Int | Ty::Float, Ty::Int | Ty::Float) => false,
        (Ty::Number, Ty::Int | Ty::Float) | (Ty::Mixed, _) => !(one && scalar(got)),
        (Ty::List(a), Ty::List(b)) | (Ty::Set(a), Ty::Set(b)) => clash(a, b, false),
        (Ty::Dict(k, v), Ty::Dict(k2, v2)) => clash(k, k2, false) || clash(v, v2, false),
        (Ty::Tuple(a), Ty::Tuple(b)) => {
            a.len() != b.len() || a.iter().zip(b).any(|(a, b)| clash(a, b, false))
        }
        (a, b) => plain(a) && plain(b),
    }
}

/// A type whose values a container of another such type never holds.
fn plain(t: &Ty) -> bool {
    matches!(
        t,
        Ty::Int
            | Ty::Float
            | Ty::Bool
            | Ty::Str
            | Ty::Unit
            | Ty::List(_)
            | Ty::Tuple(_)
            | Ty::Dict(..)
            | Ty::Set(_)
            | Ty::Object(_)
            | Ty::Enum(_)
    )
}

/// The values of the display `value` a container is made from, each of
/// the type the display holds.
fn made(types: &Types, f: &str, value: &Expr) -> Vec<Given> {
    let whole = types.expr_ty(f, value);
    let at = |e: &Expr, slot| Given {
        span: e.span.clone(),
        ty: slot_ty(&whole, slot).unwrap_or(Ty::Unknown),
        slot,
        how: How::Made,
    };
    match &value.kind {
        ExprKind::List(items) => items.iter().map(|i| at(i, Slot::Item)).collect(),
        ExprKind::Call(Builtin::Set | Builtin::SmallSet, args) => match args.as_slice() {
            [x] if let ExprKind::List(items) = &x.kind => {
                items.iter().map(|i| at(i, Slot::Item)).collect()
            }
            _ => Vec::new(),
        },
        ExprKind::Call(Builtin::Dict, pairs) => pairs
            .iter()
            .filter_map(|p| match &p.kind {
                ExprKind::Tuple(kv) if kv.len() == 2 => {
                    Some([at(&kv[0], Slot::Key), at(&kv[1], Slot::Value)])
                }
                _ => None,
            })
            .flatten()
            .collect(),
        _ => Vec::new(),
    }
}

/// Calls `visit` with each container variable of `f` and a value it is
/// given.
fn each_given(types: &Types, f: &Function, visit: &mut dyn FnMut(&str, Given)) {
    let name = f.name.as_str();
    let one = |e: &Expr, slot| Given {
        span: e.span.clone(),
        ty: types.expr_ty(name, e),
        slot,
        how: How::One,
    };
    let many = |e: &Expr| Given {
        span: e.span.clone(),
        ty: types.expr_ty(name, e).elem(),
        slot: Slot::Item,
        how: How::Many,
    };
    f.walk(&mut |s| {
        if let StmtKind::Set { var, value } = &s.kind {
            match &value.kind {
                // `xs += ys`, `xs = xs + ys`.
                ExprKind::Binary(BinaryOp::Add, a, b)
                    if matches!(&a.kind, ExprKind::Var(v) if v == var)
                        && matches!(types.var(name, var), Ty::List(_)) =>
                {
                    visit(var, many(b));
                }
                _ => made(types, name, value)
                    .into_iter()
                    .for_each(|g| visit(var, g)),
            }
        }
        for (e, _) in stmt_exprs(s) {
            each_expr(e, &mut |x| {
                let ExprKind::StrMethod(m, on, args) = &x.kind else {
                    return;
                };
                let ExprKind::Var(var) = &on.kind else {
                    return;
                };
                let dict = matches!(types.var(name, var), Ty::Dict(..));
                match (m, args.as_slice()) {
                    (StrMethod::Append | StrMethod::Add, [v]) | (StrMethod::Insert, [_, v]) => {
                        visit(var, one(v, Slot::Item));
                    }
                    (StrMethod::Extend, [v]) => visit(var, many(v)),
                    (StrMethod::SetItem, [k, v]) if dict => {
                        visit(var, one(k, Slot::Key));
                        visit(var, one(v, Slot::Value));
                    }
                    (StrMethod::SetItem, [_, v]) => visit(var, one(v, Slot::Item)),
                    _ => {}
                }
            });
        }
    });
}

/// Where a caller passes `f` the list its parameter `var` names.
fn passed_at(demo: &Demo, f: &str, var: &str) -> Option<usize> {
    let i = demo.function(f)?.params.iter().position(|p| p == var)?;
    let mut at = None;
    for g in &demo.functions {
        g.walk(&mut |s| {
            for call in super::promoted::calls_of(s) {
                if call.name == f
                    && let Some(arg) = call.args.get(i)
                {
                    at = at.or(Some(arg.span.start));
                }
            }
        });
    }
    at
}

/// Whether the program shows the container `var` of `scope` or an item
/// of it: printed, in an f-string, through `str`/`repr`, or a variable
/// bound from it (a loop's) that is shown.
fn shown(demo: &Demo, types: &Types, scope: &str, var: &str) -> bool {
    let mut found = false;
    for f in &demo.functions {
        let mine = |v: &str| {
            v == var && (scope == f.name || (scope == STATICS && types.statics.contains(v)))
        };
        let mut names: Vec<String> = Vec::new();
        for block in [&f.body, &f.exit] {
            walk(block, &mut |s| match &s.kind {
                StmtKind::For { var: v, over, .. }
                | StmtKind::Set {
                    var: v,
                    value: over,
                } if mentions(over, &mine) => {
                    names.push(v.clone());
                }
                _ => {}
            });
        }
        f.walk(&mut |s| {
            for e in super::promoted::shown_of(s) {
                found |= mentions(e, &|v: &str| mine(v) || names.iter().any(|n| n == v));
            }
        });
    }
    found
}

/// Whether `e` reads a variable `is_it` accepts, other than through `len`
/// or `sum` (which print as Python's do).
fn mentions(e: &Expr, is_it: &dyn Fn(&str) -> bool) -> bool {
    let mut counted = Vec::new();
    each_expr(e, &mut |x| {
        if let ExprKind::Call(Builtin::Len | Builtin::Sum, _) = &x.kind {
            counted.push(x.span.clone());
        }
    });
    let mut found = false;
    each_expr(e, &mut |x| {
        if let ExprKind::Var(v) = &x.kind
            && !counted
                .iter()
                .any(|c| c.start <= x.span.start && x.span.end <= c.end)
        {
            found |= is_it(v);
        }
    });
    found
}
