//! A function that only reads an object or a list it is given
//! (`parcel.weight > 2`, `sum(p.weight for p in parcels)`) borrows it:
//! `&Parcel`, `&[Parcel]`, its callers passing `&x` rather than a copy.
//!
//! Only where the borrow is plain: the function is no method and its
//! future outlives no statement (a task, a stored coroutine needs what it
//! holds to be `'static`); it neither changes nor binds the parameter
//! again, and reaches it only through its fields, items and methods,
//! loops and comprehensions over it, or passes it on to a parameter
//! borrowed so too (an object printed whole too; a list of strings keeps
//! its `Vec`).

use super::mut_borrows::{
    Borrow, MutParams, calls_in, changed_directly, lendable, lent_vars, rebound, uses_plain,
};
use super::types::{Ty, Types};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::Demo;
use crate::render::plan::ir::expr::{Expr, ExprKind};

/// The parameters of `demo`'s functions taken as `&T` (`&[T]` for a
/// list), none of those in `lent` (taken as `&mut`).
pub(super) fn ref_params(demo: &Demo, types: &Types, lent: &MutParams) -> MutParams {
    let mut out = MutParams::new();
    for g in &demo.functions {
        if !lendable(demo, types, g) {
            continue;
        }
        let changed = changed_directly(demo, &g.body);
        for (i, p) in g.params.iter().enumerate() {
            let ty = types.var(&g.name, p);
            let fits = match &ty {
                Ty::Object(_) => true,
                Ty::List(item) => !holds_str(item) && **item != Ty::Unknown,
                _ => false,
            };
            if fits
                && !changed.contains(p)
                && !rebound(g, p)
                && !lent.contains(&(g.name.clone(), i))
            {
                out.insert((g.name.clone(), i));
            }
        }
    }
    // A statement that changes the value beside the call would hold a
    // second borrow of it (`f(xs, xs.pop())`): that value is given whole.
    for f in &demo.functions {
        for (call, _, s) in calls_in(f) {
            for (i, arg) in call.args.iter().enumerate() {
                if let ExprKind::Var(v) = &arg.kind {
                    let one = vec![s.clone()];
                    if changed_directly(demo, &one).contains(v) || lent_vars(&one, lent).contains(v)
                    {
                        out.remove(&(call.name.clone(), i));
                    }
                }
            }
        }
    }
    loop {
        let keep: MutParams = out
            .iter()
            .filter(|(g, i)| {
                let f = demo.function(g).expect("a function of the demo");
                let object = matches!(types.var(g, &f.params[*i]), Ty::Object(_));
                uses_plain(types, &out, g, *i, demo, Borrow::Shared { printed: object })
            })
            .cloned()
            .collect();
        if keep.len() == out.len() {
            return keep;
        }
        out = keep;
    }
}

/// Whether a value of type `ty` holds strings (whose lists of literals
/// are `Vec<&str>`s of their own).
fn holds_str(ty: &Ty) -> bool {
    match ty {
        Ty::Str => true,
        Ty::List(t) | Ty::Set(t) | Ty::Option(t) => holds_str(t),
        Ty::Dict(k, v) => holds_str(k) || holds_str(v),
        Ty::Tuple(ts) => ts.iter().any(holds_str),
        _ => false,
    }
}

impl super::Renderer<'_> {
    /// The argument `arg` given to a parameter taken as `&T`: `&x`, or `x`
    /// itself where it is a reference already (a parameter borrowed too,
    /// a loop's borrowed item).
    pub(super) fn ref_arg(&mut self, arg: &Expr) -> String {
        if let ExprKind::Var(v) = &arg.kind {
            let param = self.demo.function(&self.func).and_then(|f| {
                f.params.iter().position(|p| p == v).map(|j| {
                    let at = (f.name.clone(), j);
                    self.mut_params.contains(&at) || self.ref_params.contains(&at)
                })
            });
            if param == Some(true) || self.borrowed.contains(v) {
                return super::names::ident(v);
            }
        }
        let c = self.expr(arg);
        if let ExprKind::List(items) = &arg.kind {
            // A list made for the call: an array, its items as the
            // parameter's.
            let float = c.ty.elem() == Ty::Float;
            let items: Vec<String> = items
                .iter()
                .map(|i| {
                    let item = self.expr(i);
                    if float { item.as_f64().text } else { item.text }
                })
                .collect();
            return format!("&[{}]", items.join(", "));
        }
        if c.range {
            return format!("&{}", c.owned());
        }
        format!("&{}", c.wrap(7))
    }
}

/// Every list, dict, set or object given to a call whose later argument
/// changes it (`total(xs, xs.pop())`): Python's callee sees it changed,
/// the listing's copy (taken first) would not.
pub(super) fn changed_in_args(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    for f in &demo.functions {
        for (call, ..) in calls_in(f) {
            for (i, arg) in call.args.iter().enumerate() {
                let ExprKind::Var(v) = &arg.kind else {
                    continue;
                };
                let holder = matches!(
                    types.expr_ty(&f.name, arg),
                    Ty::List(_) | Ty::Dict(..) | Ty::Set(_) | Ty::Object(_)
                );
                let changed = call.args[i + 1..].iter().any(|later| {
                    let mut found = false;
                    super::expr_walk::each_expr(later, &mut |x| {
                        found |= matches!(&x.kind, ExprKind::StrMethod(m, o, _)
                            if m.mutates() && matches!(&o.kind, ExprKind::Var(n) if n == v));
                    });
                    found
                });
                if holder && changed {
                    out.push(Untranslatable {
                        span: arg.span.clone(),
                        construct: format!("`{v}` changed by a later argument of the call"),
                        reason: "Python passes the object itself, so the function sees the \
                                 change its later argument makes; the listing's copy would be \
                                 taken before it: make the change in a statement of its own"
                            .into(),
                    });
                }
            }
        }
    }
    out
}
