//! Functions given as values that the listing writes as Rust closures:
//! the `key=` and `reverse=` of `sorted`, `min`, `max` and `list.sort`
//! (a lambda of one parameter, `len`, `abs`, `str`, a dict's `get` or
//! `operator.itemgetter(k)`),
//! and `map`/`filter` of a lambda, written as the comprehension they are.

use super::scope::Scope;
use super::{Planner, Result, refuse};
use crate::program::{self as py, Arg, ExprKind as E, Literal, Name, StmtKind as P};
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind, Lambda, StrMethod};
use crate::render::plan::ir::value::Value;
use std::ops::Range;

const KEY_SHAPES: &str = "the Rust listing writes a key as a closure: `key=lambda x: ...` of one \
                          parameter, `key=len`, `key=abs`, `key=str`, `key=d.get` or \
                          `key=operator.itemgetter(k)`";

/// Whether the closure's body computes a value and nothing else (no call
/// of the program's functions, no task or primitive).
pub(super) fn pure(e: &Expr) -> bool {
    use crate::render::plan::ir::expr::Part;
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Var(_) => true,
        ExprKind::List(xs) | ExprKind::Tuple(xs) => xs.iter().all(pure),
        ExprKind::Call(b, xs) => *b != Builtin::Exit && xs.iter().all(pure),
        ExprKind::Unary(_, x) | ExprKind::Field(x, _) => pure(x),
        ExprKind::Binary(_, a, b) => pure(a) && pure(b),
        ExprKind::IfElse(c, a, b) => pure(c) && pure(a) && pure(b),
        ExprKind::StrMethod(m, x, xs) => !m.mutates() && pure(x) && xs.iter().all(pure),
        ExprKind::Template(t) => t.parts.iter().all(|p| match p {
            Part::Hole(x) | Part::Spec(x, _) => pure(x),
            Part::Text(_) => true,
        }),
        _ => false,
    }
}

impl Planner<'_> {
    /// A one-parameter lambda: its parameter and the expression it returns.
    fn lambda_parts<'e>(&self, e: &'e py::Expr) -> Option<(&'e str, &'e py::Expr)> {
        let (params, body) = self.lambda_params(e)?;
        match params.as_slice() {
            [param] => Some((param, body)),
            _ => None,
        }
    }

    /// A lambda of positional parameters without defaults: its parameters
    /// and the expression it returns.
    fn lambda_params<'e>(&self, e: &'e py::Expr) -> Option<(Vec<&'e str>, &'e py::Expr)> {
        let E::Lambda { code, defaults } = &e.kind else {
            return None;
        };
        let p = &code.params;
        if !defaults.is_empty() || p.varargs.is_some() || p.varkw.is_some() {
            return None;
        }
        if !p.keyword_only.is_empty() || p.positional.is_empty() {
            return None;
        }
        let params = p.positional.iter().map(|p| &*p.name).collect();
        match code.body.as_slice() {
            [s] if let P::Return(Some(body)) = &s.kind => Some((params, body)),
            _ => None,
        }
    }

    /// A name for the parameter of a key written without a lambda (at
    /// byte `at`), one the program does not use; numbered after the first,
    /// since each key's parameter has the type of its own items.
    fn fresh_param(&self, at: usize) -> String {
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let used = |n: &str| {
            let text = &self.program.source;
            text.match_indices(n)
                .any(|(i, _)| !text[..i].ends_with(word) && !text[i + n.len()..].starts_with(word))
        };
        let base = ["x", "item", "value", "key_item"]
            .into_iter()
            .find(|n| !used(n))
            .unwrap_or("key_item");
        let source = &self.program.source;
        let before = source.get(..at).unwrap_or("");
        let others = before
            .match_indices("key=")
            .filter(|(i, _)| i + 4 < at && !before[i + 4..].starts_with("lambda"))
            .count();
        match others {
            0 => base.to_string(),
            n => format!("{base}{n}"),
        }
    }

    /// The key function `e`, as a closure of one parameter.
    fn key_fn(&self, sc: &Scope, e: &py::Expr) -> Result<Expr> {
        let span = e.span.clone();
        let at = |kind| Expr {
            kind,
            span: span.clone(),
        };
        let (var, body) = if let Some((param, body)) = self.lambda_parts(e) {
            (sc.local(param, &e.span)?, self.expr(sc, body)?)
        } else {
            let var = self.fresh_param(e.span.start);
            let arg = at(ExprKind::Var(var.clone()));
            let body = match &e.kind {
                E::Name(Name::Global(n))
                    if !self.defs.contains_key(&**n)
                        && let Some(b) = [("len", Builtin::Len), ("abs", Builtin::Abs)]
                            .into_iter()
                            .chain([("str", Builtin::Str)])
                            .find_map(|(name, b)| (name == &**n).then_some(b)) =>
                {
                    at(ExprKind::Call(b, vec![arg]))
                }
                E::Attr(d, m) if &**m == "get" && super::stmt::local_name(d).is_some() => {
                    at(ExprKind::Call(Builtin::Index, vec![self.expr(sc, d)?, arg]))
                }
                // `operator.itemgetter(k)`: the item `k` of each.
                E::Call(g, g_args)
                    if self.member(g) == Some((crate::program::Module::Operator, "itemgetter"))
                        && let [Arg::Positional(k)] = g_args.as_slice()
                        && matches!(k.kind, E::Literal(Literal::Int(_) | Literal::Str(_))) =>
                {
                    at(ExprKind::Call(Builtin::Index, vec![arg, self.expr(sc, k)?]))
                }
                _ => return refuse(&e.span, "this `key=`", KEY_SHAPES),
            };
            (var, body)
        };
        if !pure(&body) {
            return refuse(
                &e.span,
                "this key",
                "the Rust listing's key closure computes a value from the item: it calls no \
                 function of the program",
            );
        }
        Ok(at(ExprKind::Lambda(Box::new(Lambda { var, body }))))
    }

    /// `reverse=True` or `reverse=False`.
    fn reverse_flag(&self, e: &py::Expr) -> Result<Expr> {
        match &e.kind {
            E::Literal(Literal::Bool(b)) => Ok(Expr {
                kind: ExprKind::Lit(Value::Bool(*b)),
                span: e.span.clone(),
            }),
            _ => refuse(
                &e.span,
                "this `reverse=`",
                "the Rust listing sorts in the order `reverse=True` or `reverse=False` names",
            ),
        }
    }

    /// The keyword arguments `key=` and `reverse=` (each allowed where
    /// `allowed` says): the key (`None` when not given) and the order.
    fn key_args(
        &self,
        sc: &Scope,
        args: &[Arg],
        reverse_ok: bool,
        span: &Range<usize>,
    ) -> Result<(Expr, Expr)> {
        let none = |kind| Expr {
            kind,
            span: span.clone(),
        };
        let mut key = none(ExprKind::Lit(Value::None));
        let mut reverse = none(ExprKind::Lit(Value::Bool(false)));
        for a in args {
            match a {
                Arg::Keyword(k, e)
                    if &**k == "key" && !matches!(e.kind, E::Literal(Literal::None)) =>
                {
                    key = self.key_fn(sc, e)?
                }
                Arg::Keyword(k, _) if &**k == "key" => {}
                Arg::Keyword(k, e) if &**k == "reverse" && reverse_ok => {
                    reverse = self.reverse_flag(e)?
                }
                Arg::Keyword(..) => {
                    return refuse(
                        span,
                        "this keyword argument",
                        "the Rust listing translates `key=` and `reverse=` of `sorted` and \
                         `list.sort`, and `key=` of `min` and `max`",
                    );
                }
                _ => {}
            }
        }
        Ok((key, reverse))
    }

    /// `sorted(xs, key=..., reverse=...)`, `min(xs, key=...)`,
    /// `max(a, b, key=...)`: the arguments of the call; `None` when it has
    /// no keyword argument.
    pub(super) fn keyed_builtin(
        &self,
        sc: &Scope,
        b: Builtin,
        args: &[Arg],
        span: &Range<usize>,
    ) -> Result<Option<Vec<Expr>>> {
        if !matches!(b, Builtin::Sorted | Builtin::Min | Builtin::Max)
            || !args.iter().any(|a| matches!(a, Arg::Keyword(..)))
        {
            return Ok(None);
        }
        let (key, reverse) = self.key_args(sc, args, b == Builtin::Sorted, span)?;
        let positional: Vec<&py::Expr> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Positional(e) => Some(e),
                _ => None,
            })
            .collect();
        if args
            .iter()
            .any(|a| matches!(a, Arg::Star(_) | Arg::StarStar(_)))
        {
            return refuse(
                span,
                "a starred argument",
                "the Rust listing passes arguments by position",
            );
        }
        let over = match positional.as_slice() {
            [one] => self.expr(sc, one)?,
            [_, _, ..] if b != Builtin::Sorted => Expr {
                kind: ExprKind::List(
                    positional
                        .iter()
                        .map(|e| self.expr(sc, e))
                        .collect::<Result<_>>()?,
                ),
                span: span.clone(),
            },
            _ => {
                return refuse(
                    span,
                    format!("`{}` called with these arguments", b.name()),
                    format!("the Rust listing translates `{}(items, key=...)`", b.name()),
                );
            }
        };
        if b == Builtin::Sorted {
            return Ok(Some(vec![over, key, reverse]));
        }
        if matches!(key.kind, ExprKind::Lit(_)) {
            return Ok(Some(vec![over]));
        }
        Ok(Some(vec![over, key]))
    }

    /// `xs.sort(key=..., reverse=...)` of a local list: `None` when the call
    /// is no `sort` with keyword arguments.
    pub(super) fn keyed_sort(
        &self,
        sc: &Scope,
        e: &py::Expr,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let E::Attr(obj, m) = &f.kind else {
            return Ok(None);
        };
        if &**m != "sort" || args.is_empty() || self.member(f).is_some() {
            return Ok(None);
        }
        if args.iter().any(|a| !matches!(a, Arg::Keyword(..))) {
            return Ok(None);
        }
        if !matches!(obj.kind, E::Name(Name::Local(..) | Name::Cell(..))) {
            return refuse(
                &e.span,
                "`.sort(...)` on this",
                "the Rust listing changes a list in place only in the function whose local \
                 variable it is",
            );
        }
        let (key, reverse) = self.key_args(sc, args, true, &e.span)?;
        Ok(Some(ExprKind::StrMethod(
            StrMethod::Sort,
            Box::new(self.expr(sc, obj)?),
            vec![key, reverse],
        )))
    }

    /// `map(lambda x: value, xs)` as `[value for x in xs]`, and
    /// `filter(lambda x: test, xs)` as `[x for x in xs if test]`.
    pub(super) fn map_filter(
        &self,
        sc: &Scope,
        f: &py::Expr,
        args: &[Arg],
    ) -> Result<Option<ExprKind>> {
        let E::Name(Name::Global(n)) = &f.kind else {
            return Ok(None);
        };
        if !matches!(&**n, "map" | "filter") || self.defs.contains_key(&**n) {
            return Ok(None);
        }
        if &**n == "map"
            && let [
                Arg::Positional(func),
                Arg::Positional(a),
                Arg::Positional(b),
            ] = args
            && let Some((params, body)) = self.lambda_params(func)
            && let [p, q] = params.as_slice()
        {
            // `map(lambda a, b: ..., xs, ys)`: over the pairs of `zip(xs, ys)`.
            let (p, q) = (sc.local(p, &func.span)?, sc.local(q, &func.span)?);
            if p == q {
                return Ok(None);
            }
            let body = self.expr(sc, body)?;
            if !pure(&body) {
                return Ok(None);
            }
            let pairs = vec![self.expr(sc, a)?, self.expr(sc, b)?];
            return Ok(Some(ExprKind::Comp {
                value: Box::new(body),
                var: format!("({p}, {q})"),
                over: Box::new(Expr {
                    kind: ExprKind::Call(Builtin::Zip, pairs),
                    span: a.span.start..b.span.end,
                }),
                filter: None,
            }));
        }
        let [Arg::Positional(func), Arg::Positional(over)] = args else {
            return Ok(None);
        };
        let Some((param, body)) = self.lambda_parts(func) else {
            return Ok(None);
        };
        let var = sc.local(param, &func.span)?;
        let body = self.expr(sc, body)?;
        if !pure(&body) {
            return Ok(None);
        }
        let over = Box::new(self.expr(sc, over)?);
        let (value, filter) = if &**n == "map" {
            (body, None)
        } else {
            let value = Expr {
                kind: ExprKind::Var(var.clone()),
                span: func.span.clone(),
            };
            (value, Some(Box::new(body)))
        };
        Ok(Some(ExprKind::Comp {
            value: Box::new(value),
            var,
            over,
            filter,
        }))
    }
}
