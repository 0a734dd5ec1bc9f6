//! A dict of lambdas that capture nothing (see `plan::fn_dicts`): an
//! `IndexMap` of `fn` pointers, each lambda a closure coerced to one. The
//! first item is cast to the pointer type (`(|a, b| a + b) as fn(i64, i64)
//! -> i64`), which types the array the map is made from; the others
//! coerce to it. The lambdas' parameters take the types of the arguments
//! the calls of the dict's items pass, and a call of an item is the call
//! of the pointer the dict holds at that key (`ops[&name](10, 4)`). A dict
//! whose lambdas take or give anything but numbers and booleans is listed
//! as not translated.

use super::Renderer;
use super::code::Code;
use super::expr_walk::each_function_expr;
use super::names::ident;
use super::types::{Ty, Types, unify};
use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, Stmt};
use crate::render::plan::ir::expr::{Expr, ExprKind, FnItem};

impl Types {
    /// The type of the dict of lambdas `items` in `f`: its keys', and the
    /// `fn` pointer its values are.
    pub(super) fn fn_dict_ty(&self, f: &str, items: &[FnItem]) -> Ty {
        let mut key = Ty::Unknown;
        let mut ret = Ty::Unknown;
        let arity = items.first().map_or(0, |i| i.params.len());
        let mut params = vec![Ty::Unknown; arity];
        for i in items {
            unify(&mut key, &self.expr_ty(f, &i.key));
            unify(&mut ret, &self.expr_ty(f, &i.body));
            for (slot, p) in params.iter_mut().zip(&i.params) {
                unify(slot, &self.var(f, p));
            }
        }
        Ty::Dict(
            Box::new(key),
            Box::new(Ty::Fn(params, Box::new(ret), false)),
        )
    }

    /// What the call of an item of a dict of lambdas gives.
    pub(super) fn call_item_ty(&self, f: &str, item: &Expr) -> Ty {
        match self.expr_ty(f, item) {
            Ty::Fn(_, ret, _) => *ret,
            _ => Ty::Unknown,
        }
    }

    /// The parameters of the lambdas each call of a dict's item in `s` (of
    /// `f`) reaches take the types of its arguments; true if anything
    /// changed.
    pub(super) fn item_calls(&mut self, f: &str, s: &Stmt) -> bool {
        let mut given = Vec::new();
        for (e, _) in super::analysis::stmt_exprs(s) {
            super::expr_walk::each_expr(e, &mut |x| {
                if let ExprKind::CallItem(_, args, params) = &x.kind {
                    let tys: Vec<Ty> = args.iter().map(|a| self.expr_ty(f, a)).collect();
                    for ps in params {
                        given.extend(ps.iter().cloned().zip(tys.iter().cloned()));
                    }
                }
            });
        }
        given
            .iter()
            .fold(false, |changed, (p, ty)| self.set(f, p, ty) | changed)
    }
}

/// Whether a lambda of a dict of `fn` pointers may take or give a value of
/// this type: one that is `Copy`, as a pointer's arguments are passed.
fn plain(t: &Ty) -> bool {
    matches!(t, Ty::Int | Ty::Float | Ty::Bool)
}

/// Each dict of lambdas whose `fn` pointer takes or gives a value other
/// than a number or a boolean, or whose type is not known.
pub(super) fn fn_dict_conflicts(demo: &Demo, types: &Types) -> Vec<Untranslatable> {
    let mut out = Vec::new();
    each_function_expr(demo, &mut |f, x| {
        if let ExprKind::CallItem(item, args, _) = &x.kind
            && let Ty::Fn(params, ..) = types.expr_ty(&f.name, item)
        {
            let fits = |(a, p): (&Expr, &Ty)| {
                let a = types.expr_ty(&f.name, a);
                a == *p || (a, p) == (Ty::Int, &Ty::Float)
            };
            if !args.iter().zip(&params).all(fits) {
                out.push(Untranslatable {
                    span: x.span.clone(),
                    construct: "this call of an item of a dict of lambdas".into(),
                    reason: "the Rust listing's `fn` pointers take the same types at each \
                             call, and another call passes values of other types"
                        .into(),
                });
            }
        }
        let ExprKind::FnDict(items) = &x.kind else {
            return;
        };
        let Ty::Dict(_, value) = types.fn_dict_ty(&f.name, items) else {
            return;
        };
        let Ty::Fn(params, ret, _) = *value else {
            return;
        };
        if !params.iter().chain([&*ret]).all(plain) {
            out.push(Untranslatable {
                span: x.span.clone(),
                construct: "a `lambda` held in a dict".into(),
                reason: "the Rust listing writes a dict of lambdas as one of `fn` pointers \
                         whose parameters and result are numbers or booleans, typed from the \
                         calls of its items"
                    .into(),
            });
        }
    });
    out
}

impl Renderer<'_> {
    /// A dict of lambdas: an `IndexMap` of `fn` pointers.
    pub(super) fn fn_dict(&mut self, items: &[FnItem], ty: Ty) -> Code {
        let pointer = match &ty {
            Ty::Dict(_, v) => match &**v {
                Ty::Fn(params, ret, _) => {
                    let params: Vec<String> = params.iter().map(Ty::rust).collect();
                    format!("fn({}) -> {}", params.join(", "), ret.rust())
                }
                _ => String::new(),
            },
            _ => String::new(),
        };
        let mut pairs = Vec::new();
        for (k, item) in items.iter().enumerate() {
            let key = self.expr(&item.key);
            let key = match key.ty {
                Ty::Str => key.owned(),
                _ => key.text,
            };
            let params: Vec<String> = item.params.iter().map(|p| ident(p)).collect();
            let body = self.expr(&item.body);
            let closure = format!("|{}| {}", params.join(", "), body.text);
            let value = if k == 0 {
                format!("({closure}) as {pointer}")
            } else {
                closure
            };
            pairs.push(format!("({key}, {value})"));
        }
        let mut c = Code::new(format!("IndexMap::from([{}])", pairs.join(", ")), ty, 10);
        c.fresh = true;
        c
    }

    /// `d[k](args)` of a dict of `fn` pointers: an integer given to a
    /// float parameter written as a float.
    pub(super) fn call_item(&mut self, item: &Expr, args: &[Expr], ty: Ty) -> Code {
        let item = self.expr(item);
        let params = match &item.ty {
            Ty::Fn(params, ..) => params.clone(),
            _ => Vec::new(),
        };
        let args: Vec<String> = args
            .iter()
            .enumerate()
            .map(|(i, a)| match (self.expr(a), params.get(i)) {
                (c, Some(Ty::Float)) => c.as_f64().text,
                (c, _) => c.text,
            })
            .collect();
        Code::new(format!("{}({})", item.wrap(10), args.join(", ")), ty, 10)
    }
}
