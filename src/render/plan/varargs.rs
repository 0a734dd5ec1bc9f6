//! `*args` parameters: a definition with positional parameters and `*name`
//! (no keyword-only or `**` ones) takes a `Vec` after its parameters, and a
//! call passes its extra positional arguments as `vec![...]`.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{Arg, Params};
use crate::render::plan::ir::expr::{Expr, ExprKind};
use std::ops::Range;

/// Whether the listing translates the `*args` of `params`: present, with
/// no keyword-only or `**` parameter.
pub(super) fn plain(params: &Params) -> bool {
    params.varargs.is_some() && params.keyword_only.is_empty() && params.varkw.is_none()
}

/// The arguments a call gives its parameters, and those past them that the
/// `*args` of a definition with `params` parameters collects.
pub(super) fn split(args: &[Arg], params: usize) -> (Vec<Arg>, Vec<&Arg>) {
    let mut given = Vec::new();
    let mut rest = Vec::new();
    let mut positional = 0;
    for a in args {
        if matches!(a, Arg::Positional(_)) {
            positional += 1;
            if positional > params {
                rest.push(a);
                continue;
            }
        }
        given.push(a.clone());
    }
    (given, rest)
}

impl Planner<'_> {
    /// The `vec![...]` of the arguments a call passes to `*args`.
    pub(super) fn varargs_list(
        &self,
        sc: &Scope,
        rest: &[&Arg],
        span: &Range<usize>,
    ) -> Result<Expr> {
        let mut items = Vec::new();
        for a in rest {
            let Arg::Positional(e) = a else {
                return refuse(
                    span,
                    "a starred argument",
                    "a Rust function takes a fixed list of arguments, written out",
                );
            };
            items.push(self.expr(sc, e)?);
        }
        Ok(Expr {
            kind: ExprKind::List(items),
            span: span.clone(),
        })
    }
}
