//! Keyword arguments that name a dict's keys: `dict(a=1, b=2)` is the
//! dict literal `{"a": 1, "b": 2}`, and `d.update(user="ada")` is
//! `d.update({"user": "ada"})`, as Python builds them. Keywords beside a
//! positional argument (`dict(pairs, a=1)`) or `**` are still refused.

use super::scope::Scope;
use super::{Planner, Result};
use crate::program::{self as py, Arg, ExprKind as E, Literal};
use crate::render::plan::ir::expr::ExprKind;

/// The dict literal of `args` when each is a keyword: its names the keys,
/// in order; `None` when an argument is positional or starred, or there
/// are none.
fn keyword_literal(args: &[Arg]) -> Option<py::Expr> {
    let mut pairs = Vec::new();
    for a in args {
        let Arg::Keyword(name, value) = a else {
            return None;
        };
        let key = py::Expr {
            kind: E::Literal(Literal::Str(name.clone())),
            span: value.span.clone(),
            suspends: false,
        };
        pairs.push((Some(key), value.clone()));
    }
    let (first, last) = (pairs.first()?, pairs.last()?);
    let span = first.1.span.start..last.1.span.end;
    let suspends = pairs.iter().any(|(_, v)| v.suspends);
    Some(py::Expr {
        kind: E::Dict(pairs),
        span,
        suspends,
    })
}

impl Planner<'_> {
    /// `dict(a=1, b=2)`: the dict literal of its keywords.
    pub(super) fn keyword_dict(
        &self,
        sc: &Scope,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Option<ExprKind>> {
        let Some(literal) = keyword_literal(args) else {
            return Ok(None);
        };
        let E::Dict(pairs) = &literal.kind else {
            return Ok(None);
        };
        self.dict(sc, pairs, span).map(Some)
    }

    /// `d.update(k=v, ...)`: the call `d.update({"k": v, ...})`.
    pub(super) fn keyword_update(
        &self,
        sc: &Scope,
        e: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        if !matches!(&f.kind, E::Attr(_, m) if &**m == "update")
            || self.defs.keys().any(|k| k.ends_with(".update"))
        {
            return Ok(None);
        }
        let Some(literal) = keyword_literal(args) else {
            return Ok(None);
        };
        let args = [Arg::Positional(literal)];
        let call = py::Expr {
            kind: E::Call(Box::new(f.clone()), args.to_vec()),
            span: e.span.clone(),
            suspends: e.suspends,
        };
        self.call_expr(sc, &call, f, &args).map(Some)
    }
}
