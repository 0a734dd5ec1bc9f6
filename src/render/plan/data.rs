//! Data shapes of the plan: tuple patterns that loops, comprehensions and
//! assignments unpack into.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, ExprKind as E, Name, Target};
use crate::render::plan::ir::ast::{FunctionKind, StmtKind};
use crate::render::plan::ir::expr::{BinaryOp, Builtin, Expr, ExprKind, StrMethod};
use std::ops::Range;

impl Planner<'_> {
    /// A loop's or comprehension's variable: a local name, or a tuple of
    /// local names written as the Rust pattern `(a, b)`.
    pub(super) fn loop_pattern(
        &self,
        sc: &Scope,
        t: &Target,
        span: &Range<usize>,
    ) -> Result<String> {
        match t {
            Target::Unpack(items, None) if items.len() > 1 => {
                let mut names = Vec::new();
                for item in items {
                    match item {
                        Target::Name(Name::Local(_, n) | Name::Cell(_, n)) => {
                            let n = sc.local(n, span)?;
                            if names.contains(&n) {
                                return refuse(
                                    span,
                                    format!("`{n}` twice in one unpacking"),
                                    "a Rust pattern binds each name once",
                                );
                            }
                            names.push(n);
                        }
                        _ => {
                            return refuse(
                                span,
                                "this unpacking",
                                "the Rust listing unpacks a tuple into local names: \
                                 `a, b = ...`, `for k, v in ...`",
                            );
                        }
                    }
                }
                Ok(format!("({})", names.join(", ")))
            }
            _ => self.loop_var(sc, t, span),
        }
    }

    /// `a, b = value`: a tuple pattern bound to a value, or to what a
    /// coroutine of the program returns.
    pub(super) fn unpack(
        &self,
        sc: &mut Scope,
        target: &Target,
        value: &py::Expr,
        span: &Range<usize>,
    ) -> Result<StmtKind> {
        let var = self.loop_pattern(sc, target, span)?;
        if let E::Await(inner) = &value.kind {
            if let Some(k) = self.unpack_gather(sc, inner, &var)? {
                return Ok(k);
            }
            return match self.user_call(sc, inner, &[FunctionKind::Coroutine])? {
                Some(call) => Ok(StmtKind::Await {
                    call,
                    into: Some(var),
                }),
                None => refuse(
                    &value.span,
                    "unpacking what this awaits",
                    "the Rust listing unpacks the tuple a coroutine of the program returns",
                ),
            };
        }
        if let Some(columns) = self.zip_columns(sc, target, value)? {
            let value = Expr {
                kind: columns,
                span: value.span.clone(),
            };
            return Ok(StmtKind::Set { value, var });
        }
        if super::stmt::method_call(value, "split").is_some() {
            super::unpack_split::refuse_if_caught(self.program, &value.span)?;
        }
        Ok(StmtKind::Set {
            value: self.expr(sc, value)?,
            var,
        })
    }

    /// `{k: v, ...}`: `dict` with a `(k, v)` tuple per item.
    pub(super) fn dict(
        &self,
        sc: &Scope,
        pairs: &[(Option<py::Expr>, py::Expr)],
        span: &Range<usize>,
    ) -> Result<ExprKind> {
        if let Some(k) = self.fn_dict(sc, pairs, span)? {
            return Ok(k);
        }
        let mut items = Vec::new();
        for (k, v) in pairs {
            let Some(k) = k else {
                return refuse(
                    span,
                    "`**` in a dict literal",
                    "the Rust listing builds a dict from its own keys and values",
                );
            };
            super::held_lambdas::check_item(v, "dict")?;
            let (k, v) = (self.expr(sc, k)?, self.expr(sc, v)?);
            let span = k.span.start..v.span.end;
            items.push(Expr {
                kind: ExprKind::Tuple(vec![k, v]),
                span,
            });
        }
        super::one_type::dict_values(&items, span)?;
        Ok(ExprKind::Call(Builtin::Dict, items))
    }

    /// `xs[i] = value` (or `xs[i] += value`, with `op`) on a local list or dict.
    pub(super) fn set_item(
        &self,
        sc: &Scope,
        obj: &py::Expr,
        index: &py::Expr,
        op: Option<BinaryOp>,
        value: &py::Expr,
    ) -> Result<StmtKind> {
        // The list or dict itself, under any items of it (`grid[1][0] = ...`).
        let mut root = obj;
        while let E::Subscript(inner, i) = &root.kind
            && !matches!(i.kind, E::Slice(..))
        {
            root = inner;
        }
        if !matches!(root.kind, E::Name(Name::Local(..) | Name::Cell(..)))
            || matches!(index.kind, E::Slice(..))
        {
            return refuse(
                &(obj.span.start..index.span.end),
                "item assignment (`x[i] = ...`) here",
                "the Rust listing sets an item of a list or dict in a local variable",
            );
        }
        let (o, i) = (self.expr(sc, obj)?, self.expr(sc, index)?);
        let mut v = self.expr(sc, value)?;
        if let Some(op) = op {
            let span = v.span.clone();
            let item = Expr {
                kind: ExprKind::Call(Builtin::Index, vec![o.clone(), i.clone()]),
                span: obj.span.start..index.span.end,
            };
            v = Expr {
                kind: ExprKind::Binary(op, Box::new(item), Box::new(v)),
                span,
            };
        }
        let span = obj.span.start..value.span.end;
        Ok(StmtKind::Set {
            var: "_".into(),
            value: Expr {
                kind: ExprKind::StrMethod(StrMethod::SetItem, Box::new(o), vec![i, v]),
                span,
            },
        })
    }
}
