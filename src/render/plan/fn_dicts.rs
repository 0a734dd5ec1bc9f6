//! A dict of lambdas kept in a variable and read only by key to be
//! called: `ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}`
//! and `ops[name](10, 4)`. No lambda captures anything, so each is a plain
//! `fn` pointer in Rust and the dict an `IndexMap<String, fn(i64, i64) ->
//! i64>`, its parameter types those the calls pass. The plan takes such a
//! dict where it is bound once at the top of its function, every lambda
//! takes the same number of positional parameters (without defaults) and
//! returns an expression, their parameters are names the function does
//! not bind, and every other use of the variable is a call of one of its
//! items with that many positional arguments, a `for` over its keys,
//! `in`, or `len`. Anything else (printed, passed on, changed) keeps the
//! refusal of a lambda held in a dict.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::visit_mut::{VisitMut, block_mut};
use crate::program::{
    self as py, Arg, CmpOp, Code, ExprKind as E, Name, Stmt, StmtKind as P, Target,
};
use crate::render::plan::ir::exc_ops::cannot_raise_expr;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, FnItem};
use std::ops::Range;
use std::sync::Arc;

/// A dict of lambdas the plan writes as a dict of `fn` pointers.
#[derive(Clone, Debug)]
pub(super) struct FnDict {
    /// The variable that keeps it.
    pub(super) var: Arc<str>,
    /// The dict display's place.
    pub(super) span: Range<usize>,
    /// The parameters of each of its lambdas.
    pub(super) params: Vec<Vec<Arc<str>>>,
}

/// The parameters of `lambda`, when it is one the plan writes as an `fn`
/// pointer: positional parameters without defaults, nothing captured, one
/// `return` of an expression.
fn lambda_params(e: &py::Expr) -> Option<Vec<Arc<str>>> {
    let E::Lambda { code, defaults } = &e.kind else {
        return None;
    };
    let p = &code.params;
    let plain = defaults.is_empty()
        && p.varargs.is_none()
        && p.varkw.is_none()
        && p.keyword_only.is_empty()
        && code.captures.is_empty()
        && code.cells.is_empty()
        && !code.is_generator
        && matches!(code.body.as_slice(), [s] if matches!(s.kind, P::Return(Some(_))));
    plain.then(|| p.positional.iter().map(|p| p.name.clone()).collect())
}

/// The dicts of lambdas `code` keeps at its top level that the plan
/// writes as dicts of `fn` pointers.
pub(super) fn fn_dicts(code: &Code) -> Vec<FnDict> {
    let bound = super::module::bound(&code.body, false);
    let mut out = Vec::new();
    for (i, s) in code.body.iter().enumerate() {
        let P::Assign { targets, value } = &s.kind else {
            continue;
        };
        let ([Target::Name(Name::Local(_, var))], E::Dict(pairs)) =
            (targets.as_slice(), &value.kind)
        else {
            continue;
        };
        let Some(params) = pairs
            .iter()
            .map(|(k, v)| k.as_ref().and(lambda_params(v)))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let Some(arity) = params.first().map(Vec::len) else {
            continue;
        };
        let free =
            |p: &Arc<str>| !bound.contains_key(p) && !code.params.all().any(|q| q.name == *p);
        if params
            .iter()
            .any(|ps| ps.len() != arity || !ps.iter().all(free))
            || bound.get(var) != Some(&1)
            || code.params.all().any(|p| p.name == *var)
            || !only_called(&code.body, i, var, arity)
        {
            continue;
        }
        out.push(FnDict {
            var: var.clone(),
            span: value.span.clone(),
            params,
        });
    }
    out
}

/// Whether every use of `var` in `body` but its binding at `body[at]` comes
/// after it and is `var[k](...)` with `arity` positional arguments, `for x
/// in var`, `k in var` (or `not in`) or `len(var)`, and no function,
/// lambda or class defined there reads it.
fn only_called(body: &[Stmt], at: usize, var: &str, arity: usize) -> bool {
    struct Uses<'a> {
        var: &'a str,
        arity: usize,
        names: usize,
        good: usize,
        inner: bool,
    }
    impl Uses<'_> {
        fn is_var(&self, e: &py::Expr) -> bool {
            matches!(&e.kind, E::Name(n) if **n.ident() == *self.var)
        }
    }
    impl VisitMut for Uses<'_> {
        fn expr(&mut self, e: &mut py::Expr) {
            match &e.kind {
                E::Name(n) if **n.ident() == *self.var => self.names += 1,
                E::Call(f, args) => {
                    let item = matches!(&f.kind, E::Subscript(d, _) if self.is_var(d));
                    let positional = args.iter().all(|a| matches!(a, Arg::Positional(_)));
                    if item && positional && args.len() == self.arity {
                        self.good += 1;
                    }
                    let measured = matches!(&f.kind, E::Name(Name::Global(n)) if &**n == "len")
                        && matches!(args.as_slice(), [Arg::Positional(x)] if self.is_var(x));
                    self.good += usize::from(measured);
                }
                E::Compare(_, rest) => {
                    self.good += rest
                        .iter()
                        .filter(|(op, x)| matches!(op, CmpOp::In | CmpOp::NotIn) && self.is_var(x))
                        .count();
                }
                E::Lambda { code, .. } => self.inner |= reads(code, self.var),
                _ => {}
            }
        }
    }
    let mut uses = Uses {
        var,
        arity,
        names: 0,
        good: 0,
        inner: false,
    };
    for (k, s) in body.iter().enumerate() {
        if k == at {
            continue;
        }
        let before = uses.names;
        block_mut(&mut [s.clone()], &mut uses);
        if k < at && uses.names > before {
            return false;
        }
    }
    crate::program::walk(body, &mut |s| match &s.kind {
        P::For { iter, .. } if uses.is_var(iter) => uses.good += 1,
        P::Def { code, .. } | P::Class { code, .. } => uses.inner |= reads(code, var),
        _ => {}
    });
    !uses.inner && uses.names == uses.good
}

/// Whether `code` reads `var` from the function around it.
fn reads(code: &Code, var: &str) -> bool {
    code.cells
        .get(code.own_cells..)
        .is_some_and(|free| free.iter().any(|v| **v == *var))
}

impl Planner<'_> {
    /// The dict display `pairs` at `span`, when it is one of the function's
    /// dicts of lambdas: each item's key, the lambda's parameters and what
    /// it returns.
    pub(super) fn fn_dict(
        &self,
        sc: &Scope,
        pairs: &[(Option<py::Expr>, py::Expr)],
        span: &Range<usize>,
    ) -> Result<Option<ExprKind>> {
        if !sc.fn_dicts.iter().any(|d| d.span == *span) {
            return Ok(None);
        }
        let mut items = Vec::new();
        for (k, v) in pairs {
            let (Some(k), E::Lambda { code, .. }) = (k, &v.kind) else {
                return Ok(None);
            };
            let [s] = code.body.as_slice() else {
                return Ok(None);
            };
            let P::Return(Some(body)) = &s.kind else {
                return Ok(None);
            };
            let params = code
                .params
                .positional
                .iter()
                .map(|p| sc.local(&p.name, &v.span))
                .collect::<Result<_>>()?;
            let body = self.expr(sc, body)?;
            if !super::lambdas::pure(&body) || !cannot_raise_expr(&body) {
                return refuse(
                    &v.span,
                    "this `lambda` held in a dict",
                    "the Rust listing writes a dict of lambdas as one of `fn` pointers whose \
                     bodies compute a value that cannot fail (no division, no indexing) and \
                     call no function of the program",
                );
            }
            items.push(FnItem {
                key: self.expr(sc, k)?,
                params,
                body,
            });
        }
        Ok(Some(ExprKind::FnDict(items)))
    }

    /// `d[k](args)` of one of the function's dicts of lambdas: the call of
    /// the item.
    pub(super) fn fn_dict_call(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let E::Subscript(d, key) = &f.kind else {
            return Ok(None);
        };
        let E::Name(n @ Name::Local(..)) = &d.kind else {
            return Ok(None);
        };
        let Some(dict) = sc.fn_dicts.iter().find(|x| x.var == *n.ident()) else {
            return Ok(None);
        };
        let item = Expr {
            kind: ExprKind::Call(Builtin::Index, vec![self.expr(sc, d)?, self.expr(sc, key)?]),
            span: f.span.clone(),
        };
        let mut given = Vec::new();
        for a in args {
            let Arg::Positional(x) = a else {
                return Ok(None);
            };
            given.push(self.expr(sc, x)?);
        }
        let params = dict
            .params
            .iter()
            .map(|ps| ps.iter().map(|p| sc.local(p, &f.span)).collect())
            .collect::<Result<_>>()?;
        Ok(Some(ExprKind::CallItem(Box::new(item), given, params)))
    }
}
