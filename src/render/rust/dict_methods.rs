//! The dict methods that take a value beside the key: `d.pop(k, default)`
//! (`shift_remove`, which keeps the order of the others, or the default),
//! `d.setdefault(k, v)` (the entry API) and `d.update(other)` (`extend`,
//! which keeps a key's place and changes its value, as Python does). A
//! value of another type than the dict's is refused: an `IndexMap` holds
//! values of one type.

use super::Renderer;
use super::analysis::stmt_exprs;
use super::code::Code;
use super::expr_walk::each_expr;
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, StrMethod};

/// `v` as the dict of value type `vt` holds it: a float for an int, a
/// string owned.
fn held(vt: &Ty, v: &Code) -> String {
    match (vt, &v.ty) {
        (Ty::Float, Ty::Int) => v.as_f64().text,
        (Ty::Str, _) => v.owned(),
        (Ty::Mixed, t) if *t != Ty::Mixed => super::mixed::py_value(v),
        _ => v.text.clone(),
    }
}

/// `d.m(args)` for the methods of this module on a dict; `None` for
/// another method or value.
pub(super) fn method(m: StrMethod, d: &Code, args: &[Code]) -> Option<Code> {
    let Ty::Dict(_, vt) = &d.ty else {
        return None;
    };
    let obj = d.wrap(10);
    let (text, ty) = match (m, args) {
        (StrMethod::Pop, [k, default]) => (
            format!(
                "{obj}.shift_remove({}).unwrap_or({})",
                super::dicts::key(k),
                held(vt, default)
            ),
            (**vt).clone(),
        ),
        (StrMethod::SetDefault, [k, v]) => {
            // A value of its own: a reference into the map would keep it
            // borrowed (in a `println!` beside the map, say).
            let text = format!(
                "{obj}.entry({}).or_insert({}).clone()",
                k.owned(),
                held(vt, v)
            );
            (text, (**vt).clone())
        }
        (StrMethod::Update, [other]) => {
            // A literal's pairs, without the map made of them.
            let pairs = other
                .text
                .strip_prefix("IndexMap::from(")
                .and_then(|t| t.strip_suffix(')'))
                .map_or_else(|| other.owned(), str::to_string);
            (format!("{obj}.extend({pairs})"), Ty::Unit)
        }
        _ => return None,
    };
    let mut c = Code::new(text, ty, 10);
    c.fresh = true;
    Some(c)
}

impl Renderer<'_> {
    /// `d.pop(k, default)` or `d.setdefault(k, v)` of a dict as a
    /// statement, its value unused: `shift_remove` or `or_insert` alone;
    /// `None` for another statement.
    pub(super) fn dict_method_stmt(&mut self, e: &Expr) -> Option<String> {
        let ExprKind::StrMethod(m @ (StrMethod::Pop | StrMethod::SetDefault), d, args) = &e.kind
        else {
            return None;
        };
        let [k, v] = args.as_slice() else {
            return None;
        };
        let d = self.expr(d);
        let Ty::Dict(_, vt) = &d.ty else {
            return None;
        };
        let (k, v) = (self.expr(k), self.expr(v));
        let obj = d.wrap(10);
        Some(if *m == StrMethod::Pop {
            format!("{obj}.shift_remove({});", super::dicts::key(&k))
        } else {
            format!("{obj}.entry({}).or_insert({});", k.owned(), held(vt, &v))
        })
    }
}

/// Whether a value of type `v` can be held where the dict holds `vt`.
fn fits(vt: &Ty, v: &Ty) -> bool {
    vt == v
        || (*vt == Ty::Float && *v == Ty::Int)
        || (*vt == Ty::Mixed && matches!(v, Ty::Int | Ty::Float | Ty::Bool | Ty::Str))
}

/// The calls of this module's methods whose value, or dict given, is of
/// another type than the dict's values (or of a dict whose values' type
/// is not known).
pub(super) fn value_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        f.walk(&mut |s| {
            for (e, _) in stmt_exprs(s) {
                each_expr(e, &mut |x| {
                    let ExprKind::StrMethod(m, d, args) = &x.kind else {
                        return;
                    };
                    let value = match (m, args.as_slice()) {
                        (StrMethod::Pop | StrMethod::SetDefault, [_, v]) => v,
                        (StrMethod::Update, [v]) => v,
                        _ => return,
                    };
                    let Ty::Dict(_, vt) = types.expr_ty(&f.name, d) else {
                        out.push(conflict(x, *m, "a dict"));
                        return;
                    };
                    let given = types.expr_ty(&f.name, value);
                    let ok = match (m, &given) {
                        // Another dict's values are `PyValue`s already, or
                        // a literal's, each written as one.
                        (StrMethod::Update, Ty::Dict(_, v)) => {
                            fits(&vt, v) && (*vt != Ty::Mixed || **v == Ty::Mixed || literal(value))
                        }
                        (StrMethod::Update, _) => false,
                        _ => fits(&vt, &given),
                    };
                    if !ok || *vt == Ty::Unknown {
                        out.push(conflict(x, *m, "values of the dict's one type"));
                    }
                });
            }
        });
    }
    out
}

/// Whether `e` is a dict literal: its pairs written in place.
fn literal(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call(Builtin::Dict, items)
        if items.iter().all(|i| matches!(i.kind, ExprKind::Tuple(_))))
}

impl Renderer<'_> {
    /// `d.update({...})` of a literal whose values a dict of `PyValue`s
    /// (see `mixed`) holds as such: `extend` of its pairs, each value
    /// wrapped; `None` otherwise.
    pub(super) fn mixed_update(&mut self, m: StrMethod, d: &Code, args: &[Expr]) -> Option<Code> {
        let (StrMethod::Update, Ty::Dict(_, vt), [other]) = (m, &d.ty, args) else {
            return None;
        };
        let ExprKind::Call(Builtin::Dict, items) = &other.kind else {
            return None;
        };
        if **vt != Ty::Mixed || !literal(other) {
            return None;
        }
        let mut pairs = Vec::new();
        for item in items {
            let ExprKind::Tuple(kv) = &item.kind else {
                return None;
            };
            let [k, v] = kv.as_slice() else {
                return None;
            };
            let (k, v) = (self.expr(k), self.expr(v));
            pairs.push(format!("({}, {})", k.owned(), super::mixed::py_value(&v)));
        }
        let mut c = Code::new(
            format!("{}.extend([{}])", d.wrap(10), pairs.join(", ")),
            Ty::Unit,
            10,
        );
        c.fresh = true;
        Some(c)
    }
}

/// The refusal of the call `x` of `m`, which takes `takes`.
fn conflict(x: &Expr, m: StrMethod, takes: &str) -> Untranslatable {
    let name = match m {
        StrMethod::Pop => "pop",
        StrMethod::SetDefault => "setdefault",
        _ => "update",
    };
    Untranslatable {
        span: x.span.clone(),
        construct: format!("this `{name}`"),
        reason: format!(
            "a Rust `IndexMap` holds values of one type: the listing's `{name}` takes {takes}"
        ),
    }
}
