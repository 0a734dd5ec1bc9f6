//! Dicts as `IndexMap`s (Python's dicts keep insertion order), and the
//! membership test `in` of dicts, lists and strings.

use super::Renderer;
use super::code::Code;
use super::types::Ty;
use crate::render::plan::ir::expr::{Builtin, Expr, ExprKind};

/// A key as `IndexMap`'s lookups take it: a reference.
pub(super) fn key(k: &Code) -> String {
    match k.ty {
        Ty::Str => k.borrowed(),
        _ => format!("&{}", k.wrap(7)),
    }
}

/// `dict(pairs)` of a comprehension: an iterator chain.
pub(super) fn collects_pairs(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call(Builtin::Dict, items)
        if matches!(items.as_slice(), [x] if matches!(x.kind, ExprKind::Comp { .. } | ExprKind::Flat(_))))
}

impl Renderer<'_> {
    /// `{k: v, ...}`: `IndexMap::from([(k, v), ...])`, strings owned.
    pub(super) fn dict(&mut self, items: &[Expr]) -> Code {
        if items.is_empty() {
            let ty = Ty::Dict(Box::new(Ty::Unknown), Box::new(Ty::Unknown));
            let mut c = Code::new("IndexMap::new()", ty, 10);
            c.fresh = true;
            return c;
        }
        if let [pairs] = items
            && !matches!(pairs.kind, ExprKind::Tuple(_))
        {
            return self.dict_of_pairs(pairs);
        }
        if let Some(c) = self.mixed_dict(items) {
            return c;
        }
        let mut pairs = Vec::new();
        let (mut k, mut v) = (Ty::Unknown, Ty::Unknown);
        for item in items {
            let ExprKind::Tuple(kv) = &item.kind else {
                continue;
            };
            let c = self.tuple(kv);
            if let Ty::Tuple(t) = &c.ty
                && let [kt, vt] = t.as_slice()
            {
                super::types::unify(&mut k, kt);
                super::types::unify(&mut v, vt);
            }
            pairs.push(c.text);
        }
        let mut c = Code::new(
            format!("IndexMap::from([{}])", pairs.join(", ")),
            Ty::Dict(Box::new(k), Box::new(v)),
            10,
        );
        c.fresh = true;
        c
    }

    /// `dict(pairs)` of a list or iterator of `(key, value)` tuples (a
    /// dict comprehension too): the pairs collected into an `IndexMap`.
    fn dict_of_pairs(&mut self, pairs: &Expr) -> Code {
        let c = self.expr(pairs);
        let ty = match c.ty.elem() {
            Ty::Tuple(kv) if kv.len() == 2 => {
                Ty::Dict(Box::new(kv[0].clone()), Box::new(kv[1].clone()))
            }
            _ => Ty::Dict(Box::new(Ty::Unknown), Box::new(Ty::Unknown)),
        };
        if matches!(c.ty, Ty::Dict(..)) {
            // `dict(d)`: a copy.
            let mut out = Code::new(format!("{}.clone()", c.wrap(10)), c.ty.clone(), 10);
            out.fresh = true;
            return out;
        }
        let collect = ".collect::<IndexMap<_, _>>()";
        let text = match c.text.strip_suffix(".collect::<Vec<_>>()") {
            Some(iter) => format!("{iter}{collect}"),
            // An iterator already (`zip(...)`, `enumerate(...)`).
            None if c.range => format!("{}{collect}", c.wrap(10)),
            None if c.fresh => format!("{}.into_iter(){collect}", c.wrap(10)),
            None => format!("{}.iter().cloned(){collect}", c.wrap(10)),
        };
        let mut out = Code::new(text, ty, 10);
        out.fresh = true;
        out
    }

    /// `x in xs` (`not in` when `!yes`): a dict's key, a set's or a list's
    /// item, or a string's substring.
    pub(super) fn contains(&mut self, yes: bool, x: &Code, xs: &Code) -> Code {
        let test = match &xs.ty {
            Ty::Dict(..) => format!("{}.contains_key({})", xs.wrap(10), key(x)),
            Ty::Set(_) => format!("{}.contains({})", xs.wrap(10), key(x)),
            Ty::Enum(_) => format!("{}.contains({})", xs.wrap(10), x.text),
            Ty::Str => format!("{}.contains({})", xs.wrap(10), x.borrowed()),
            // A list of string literals holds `&str`s, which compare with
            // `&str` once dereferenced.
            Ty::List(t) if **t == Ty::Str && x.str_ref && xs.text.starts_with("vec![\"") => {
                format!("{}.iter().any(|item| *item == {})", xs.wrap(10), x.text)
            }
            Ty::List(t) if **t == Ty::Str && x.str_ref => {
                format!("{}.iter().any(|item| item == {})", xs.wrap(10), x.text)
            }
            _ => format!("{}.contains(&{})", xs.wrap(10), x.wrap(7)),
        };
        if yes {
            Code::new(test, Ty::Bool, 10)
        } else {
            Code::new(format!("!{test}"), Ty::Bool, 7)
        }
    }
}
